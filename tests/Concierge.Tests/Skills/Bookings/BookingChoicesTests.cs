using Concierge.Agents;
using Concierge.Bookings;
using Concierge.Bookings.Conversation;
using Concierge.Bookings.Store;
using Concierge.Conversations;
using Concierge.Skills;
using Concierge.Skills.Bookings;
using Concierge.Tests.Bookings.Conversation;

namespace Concierge.Tests.Skills.Bookings;

/// <summary>
/// The choices a booking reply offers (services, the day's free slots, yes/no) and that tapping one,
/// which sends its id as the next message, moves the conversation exactly as typing would.
/// Wednesday 4 March 2026, 10:00 in New York; the kitchen is open 11:00–23:00.
/// </summary>
public class BookingChoicesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);
    private static readonly BookingPolicy Policy = new("America/New_York", TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(30));
    private static readonly OpeningHours Hours = OpeningHours.Closed.With(OpeningHours.EveryDay, OpeningInterval.Parse("11:00", "23:00"));
    private static readonly Service Hibachi = DemoBookings.Hibachi.Service;
    private static readonly Service Sushi = new(Guid.NewGuid(), DemoTenant.TenantId, "sushi", "Sushi class", TimeSpan.FromHours(2), 4, CapacityUnit.Chefs, 1, 12);

    private const string Customer = "I'm Ana Rojas, +1 212 555 0143";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Desks(IBookingPorts ports, params Service[] services) : IBookingDesks
    {
        public Task<BookingDesk> OpenAsync(Guid tenantId, CancellationToken cancellationToken) =>
            Task.FromResult(new BookingDesk(Policy, [.. services.Select(s => new BookableService(s, Hours))], ports));
    }

    /// <summary>One customer's conversation with the booking skill, the session state carried from turn to turn.</summary>
    private sealed class Chat(BookingSkill skill, Agent agent)
    {
        private Session _session = new() { Id = Guid.NewGuid(), TenantId = DemoTenant.TenantId, AgentId = agent.Id, Channel = "whatsapp", CreatedAt = Now, UpdatedAt = Now };

        public async Task<SkillDecision> SayAsync(string text)
        {
            var context = new SkillContext(agent, _session, [], text, Now);
            var decision = await skill.DecideAsync(context, skill.ProposeOffline(context), Ct);
            _session = _session with { State = decision.State };
            return decision;
        }
    }

    private static InMemoryBookingPorts Ports() => new(Hibachi, Policy, Hours, Now);

    private static Chat Start(InMemoryBookingPorts ports, Agent? agent = null, params Service[] services) =>
        new(new BookingSkill(new Desks(ports, services.Length == 0 ? [Hibachi] : services)), agent ?? DemoTenant.Hibachi);

    private static string StateOf(SkillDecision decision) => decision.State.Json!;

    private static DateTimeOffset Local(int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(-5));

    [Fact]
    public async Task The_confirmation_question_offers_yes_and_no_and_tapping_yes_books()
    {
        var chat = Start(Ports());

        var confirm = await chat.SayAsync($"Hibachi for 6 tomorrow at 7pm, {Customer}");
        var booked = await chat.SayAsync(confirm.Choices[0].Id);

        Assert.Equal("CONFIRM", confirm.Action);
        Assert.Equal([new ReplyChoice("yes", "Yes"), new ReplyChoice("no", "No")], confirm.Choices);
        Assert.Equal("BOOKED", booked.Action);
        Assert.IsType<CreateBooking>(Assert.Single(booked.Effects));
        Assert.Empty(booked.Choices);
    }

    [Fact]
    public async Task Tapping_no_on_the_confirmation_books_nothing()
    {
        var chat = Start(Ports());
        var confirm = await chat.SayAsync($"Hibachi for 6 tomorrow at 7pm, {Customer}");

        var declined = await chat.SayAsync(confirm.Choices[1].Id);

        Assert.Equal("DECLINED", declined.Action);
        Assert.Empty(declined.Effects);
    }

    [Fact]
    public async Task A_spanish_confirmation_offers_si_and_no()
    {
        var chat = Start(Ports(), DemoTenant.Hibachi with { Locale = "es-CL" });

        var confirm = await chat.SayAsync("Hibachi para 6 mañana a las 19:00, soy Ana Rojas, +1 212 555 0143");
        var booked = await chat.SayAsync(confirm.Choices[0].Id);

        Assert.Equal("CONFIRM", confirm.Action);
        Assert.Equal(["Sí", "No"], confirm.Choices.Select(c => c.Title));
        Assert.Equal("BOOKED", booked.Action);
    }

    [Fact]
    public async Task Asking_the_hour_offers_the_free_slots_of_that_day_in_time_order_without_the_full_one()
    {
        var ports = Ports();
        for (var i = 0; i < Hibachi.CapacityPerSlot; i++)
        {
            ports.Add(Local(5, 13), 2);
        }

        var chat = Start(ports);
        var asked = await chat.SayAsync($"Hibachi for 6 tomorrow, {Customer}");

        Assert.Equal("ASK", asked.Action);
        Assert.Equal(["time"], asked.Missing);
        Assert.InRange(asked.Choices.Count, 2, ReplyChoice.MaxCount);
        Assert.DoesNotContain(asked.Choices, c => c.Title == "1:00 PM");
        Assert.All(asked.Choices, c => Assert.StartsWith("Thursday, March 5 at ", c.Id, StringComparison.Ordinal));
        Assert.All(asked.Choices, c => Assert.EndsWith(c.Title, c.Id, StringComparison.Ordinal));
        var hours = asked.Choices.Select(c => DateTime.Parse(c.Title, System.Globalization.CultureInfo.InvariantCulture).TimeOfDay).ToList();
        Assert.Equal(hours.Order(), hours);
    }

    [Fact]
    public async Task Asking_the_hour_of_a_day_offers_choices_from_its_first_free_slot_to_its_last_not_only_around_midday()
    {
        var chat = Start(Ports());

        var asked = await chat.SayAsync($"Hibachi for 6 tomorrow, {Customer}");
        var evening = await Start(Ports()).SayAsync($"Hibachi for 6 tomorrow evening, {Customer}");

        // Open 11:00-23:00: the day's starts run from 11:00 to 22:30.
        Assert.Equal(ReplyChoice.MaxCount, asked.Choices.Count);
        Assert.Equal("11:00 AM", asked.Choices[0].Title);
        Assert.Equal("10:30 PM", asked.Choices[^1].Title);
        Assert.Contains(evening.Choices, c => c.Title == "8:00 PM");
        Assert.DoesNotContain(evening.Choices, c => c.Title == "11:00 AM");
    }

    [Fact]
    public async Task Tapping_a_slot_asks_to_confirm_that_slot_exactly_as_typing_its_hour()
    {
        var tapping = Start(Ports());
        var typing = Start(Ports());
        var asked = await tapping.SayAsync($"Hibachi for 6 tomorrow, {Customer}");
        await typing.SayAsync($"Hibachi for 6 tomorrow, {Customer}");
        var slot = Assert.Single(asked.Choices, c => c.Title == "3:00 PM");

        var tapped = await tapping.SayAsync(slot.Id);
        var typed = await typing.SayAsync("3pm");

        Assert.Equal("CONFIRM", tapped.Action);
        Assert.Equal(Local(5, 15), BookingStateJson.Read(StateOf(tapped))!.Offered!.Start);
        Assert.Equal(StateOf(typed), StateOf(tapped));
        Assert.Equal(typed.Reply.Fallback, tapped.Reply.Fallback);
    }

    [Fact]
    public async Task Offered_alternatives_after_a_full_slot_are_choices_and_tapping_one_asks_to_confirm_it()
    {
        var ports = Ports();
        for (var i = 0; i < Hibachi.CapacityPerSlot; i++)
        {
            ports.Add(Local(5, 19), 2);
        }

        var chat = Start(ports);
        var full = await chat.SayAsync($"Hibachi for 6 tomorrow at 7pm, {Customer}");
        var other = full.Choices[^1];
        var again = await chat.SayAsync(other.Id);

        Assert.Equal("FULL", full.Action);
        Assert.NotEmpty(full.Choices);
        Assert.Equal("CONFIRM", again.Action);
        Assert.Equal(["yes", "no"], again.Choices.Select(c => c.Id));
        var offered = BookingStateJson.Read(StateOf(again))!.Offered!;
        Assert.Contains(offered.LocalStart.TimeOfDay.ToString("h:mm tt", System.Globalization.CultureInfo.InvariantCulture), other.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_the_service_offers_each_service_by_name_and_tapping_one_is_typing_its_name()
    {
        var agent = DemoTenant.Hibachi with { ServiceKeys = [] };
        var tapping = Start(Ports(), agent, Hibachi, Sushi);
        var typing = Start(Ports(), agent, Hibachi, Sushi);

        var asked = await tapping.SayAsync("I'd like to book");
        await typing.SayAsync("I'd like to book");
        var tapped = await tapping.SayAsync(asked.Choices[1].Id);
        var typed = await typing.SayAsync("sushi class");

        Assert.Equal("service", asked.Missing[0]);
        Assert.Equal([new ReplyChoice("Hibachi at home", "Hibachi at home"), new ReplyChoice("Sushi class", "Sushi class")], asked.Choices);
        Assert.Equal(Sushi.Id, BookingStateJson.Read(StateOf(tapped))!.Service!.Id);
        Assert.Equal(StateOf(typed), StateOf(tapped));
    }

    [Fact]
    public async Task A_question_without_a_short_answer_offers_no_choices()
    {
        var chat = Start(Ports());

        var asked = await chat.SayAsync("Hibachi tomorrow at 7pm");

        Assert.Equal("ASK", asked.Action);
        Assert.Equal("party_size", asked.Missing[0]);
        Assert.Empty(asked.Choices);
    }
}
