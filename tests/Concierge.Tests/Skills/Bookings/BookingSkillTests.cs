using Concierge.Agents;
using Concierge.Bookings;
using Concierge.Bookings.Conversation;
using Concierge.Bookings.Store;
using Concierge.Conversations;
using Concierge.Skills;
using Concierge.Skills.Bookings;
using Concierge.Tests.Bookings.Conversation;

namespace Concierge.Tests.Skills.Bookings;

/// <summary>The booking skill over the decider: the confirming turn's effect names its row, and the reply may say booked only with it.</summary>
public class BookingSkillTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);
    private static readonly BookingPolicy Policy = new("America/New_York", TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(30));
    private static readonly OpeningHours Hours = OpeningHours.Closed.With(OpeningHours.EveryDay, OpeningInterval.Parse("11:00", "23:00"));
    private static readonly Service Hibachi = DemoBookings.Hibachi.Service;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Desks(IBookingPorts ports) : IBookingDesks
    {
        public Task<BookingDesk> OpenAsync(Guid tenantId, CancellationToken cancellationToken) =>
            Task.FromResult(new BookingDesk(Policy, [new BookableService(Hibachi, Hours)], ports));
    }

    private static async Task<(SkillDecision Decision, Session Session)> SayAsync(BookingSkill skill, Session session, string text)
    {
        var context = new SkillContext(DemoTenant.Hibachi, session, [], text, Now);
        var decision = await skill.DecideAsync(context, skill.ProposeOffline(context), Ct);
        return (decision, session with { State = decision.State });
    }

    [Fact]
    public async Task A_yes_to_the_offered_slot_books_it_as_an_effect_that_names_the_row_the_reply_announces()
    {
        var skill = new BookingSkill(new Desks(new InMemoryBookingPorts(Hibachi, Policy, Hours, Now)));
        var session = new Session { Id = Guid.NewGuid(), TenantId = DemoTenant.TenantId, AgentId = DemoTenant.HibachiId, Channel = "api", CreatedAt = Now, UpdatedAt = Now };

        var (confirm, asked) = await SayAsync(skill, session, "Hibachi for 6 tomorrow at 7pm, I'm Ana Rojas, +1 212 555 0143");
        var (booked, _) = await SayAsync(skill, asked, "yes");

        Assert.Equal("CONFIRM", confirm.Action);
        Assert.Empty(confirm.Effects);
        Assert.StartsWith("Shall I book Hibachi at home for 6 people", confirm.Reply.Fallback, StringComparison.Ordinal);
        Assert.Equal("BOOKED", booked.Action);
        var effect = Assert.IsType<CreateBooking>(Assert.Single(booked.Effects));
        Assert.NotEqual(Guid.Empty, effect.BookingId);
        Assert.Equal(6, effect.PartySize);
        Assert.Equal(effect.BookingId, BookingStateJson.Read(booked.State.Json!)!.BookingId);
        Assert.Contains("confirmed", booked.Reply.Fallback, StringComparison.Ordinal);
        Assert.Equal(BookingSkill.BookingCompletedEvent, Assert.Single(booked.Events).Name);
    }

    [Fact]
    public async Task When_the_slot_filled_up_before_the_commit_the_turn_decided_again_offers_other_slots_and_books_nothing()
    {
        var ports = new InMemoryBookingPorts(Hibachi, Policy, Hours, Now);
        var skill = new BookingSkill(new Desks(ports));
        var session = new Session { Id = Guid.NewGuid(), TenantId = DemoTenant.TenantId, AgentId = DemoTenant.HibachiId, Channel = "api", CreatedAt = Now, UpdatedAt = Now };
        var (confirm, asked) = await SayAsync(skill, session, "Hibachi for 6 tomorrow at 7pm, I'm Ana Rojas, +1 212 555 0143");
        var offered = BookingStateJson.Read(confirm.State.Json!)!.Offered!;
        for (var i = 0; i < Hibachi.CapacityPerSlot; i++)
        {
            ports.Add(offered.Start, 2);
        }

        var (again, _) = await SayAsync(skill, asked, "yes");

        Assert.Equal("FULL", again.Action);
        Assert.Empty(again.Effects);
        Assert.DoesNotContain("confirmed", again.Reply.Fallback, StringComparison.Ordinal);
    }
}
