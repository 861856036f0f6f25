using Concierge.Bookings;
using Concierge.Bookings.Conversation;
using static Concierge.Tests.Bookings.Conversation.BookingConversation;

namespace Concierge.Tests.Bookings.Conversation;

public class BookingDeciderEdgeTests
{
    [Fact]
    public async Task An_hour_without_am_or_pm_takes_the_half_of_the_day_that_is_open()
    {
        var chat = new BookingConversation();

        var decision = await chat.SayAsync("mesa para 2 mañana a las 9");

        Assert.Equal(new NodaTime.LocalTime(21, 0), decision.State.Time);
        Assert.Equal(BookingField.Name, decision.Facts.Asked);
    }

    [Fact]
    public async Task A_closed_day_asks_for_another_date()
    {
        var chat = new BookingConversation();

        var decision = await chat.SayAsync("mesa para 2 el lunes a las 20:00");

        Assert.Equal((BookingAction.Unavailable, "closed", BookingField.Date), (decision.Action, decision.Facts.Problem, decision.State.Pending));
        Assert.Null(decision.State.Date);
        Assert.StartsWith("Ese día estamos cerrados. Horarios libres:", chat.Reply);
    }

    [Fact]
    public async Task A_time_outside_the_hours_is_refused_with_bookable_alternatives()
    {
        var chat = new BookingConversation("en");

        var decision = await chat.SayAsync("table for 2 today at 1pm");

        Assert.Equal((BookingAction.Unavailable, "outside_hours"), (decision.Action, decision.Facts.Problem));
        Assert.NotEmpty(decision.Facts.Options);
        Assert.All(decision.Facts.Options, o => Assert.True(o.Start >= Now.AddHours(2)));
    }

    [Fact]
    public async Task A_party_over_the_limit_is_asked_again_with_the_limit()
    {
        var chat = new BookingConversation("pt");

        var decision = await chat.SayAsync("mesa para doze pessoas amanhã às 20h");

        Assert.Equal((BookingAction.Unavailable, "too_large", 8), (decision.Action, decision.Facts.Problem, decision.Facts.PartyLimit));
        Assert.Null(decision.State.PartySize);
        Assert.Equal("Recebemos grupos de até 8 pessoas. Para quantas pessoas?", chat.Reply);
    }

    [Fact]
    public async Task An_impossible_date_is_said_and_asked_again()
    {
        var chat = new BookingConversation();

        await chat.SayAsync("mesa para 2 el 31 de febrero");

        Assert.Equal("Esa fecha no existe. ¿Para qué día?", chat.Reply);
    }

    [Fact]
    public async Task Whats_free_lists_slots_without_booking()
    {
        var chat = new BookingConversation();

        var decision = await chat.SayAsync("¿qué horarios hay mañana?");

        Assert.Equal(BookingAction.Offer, decision.Action);
        Assert.Equal(5, decision.Facts.Options.Count);
        Assert.Empty(decision.Effects);
        // Without an hour, the day from its first free slot (19:00) to its last (22:30), in order.
        Assert.StartsWith("Horarios libres: 19:00, 20:00, 21:00, 21:30, 22:30.", chat.Reply);
        Assert.Equal(decision.Facts.Options.OrderBy(o => o.Start), decision.Facts.Options);
    }

    [Fact]
    public async Task Whats_free_in_the_evening_lists_the_nearest_slots_to_the_evening_in_order()
    {
        var chat = new BookingConversation("en");

        var decision = await chat.SayAsync("what's free tomorrow evening?");

        Assert.Equal(BookingAction.Offer, decision.Action);
        Assert.Equal(decision.Facts.Options.OrderBy(o => o.Start), decision.Facts.Options);
        Assert.Contains(decision.Facts.Options, o => o.LocalStart.Hour == 20);
    }

    [Fact]
    public async Task Without_a_known_service_the_service_is_asked_first()
    {
        var chat = new BookingConversation("en", serviceKnown: false);

        var ask = await chat.SayAsync("a table for 2 tomorrow at 8pm");
        var next = await chat.SayAsync("the cena please");

        Assert.Equal(BookingField.Service, ask.Facts.Asked);
        Assert.Equal("What would you like to book?", BookingReplies.Write(ask));
        Assert.Equal(BookingField.Name, next.Facts.Asked);
    }

    [Theory]
    [InlineData("es", "mesa para 2 mañana a las 19:00 a nombre de Ana, ana@example.com", "¿Confirmo la reserva de Cena para 2 personas, el jueves 5 de marzo a las 19:00, a nombre de Ana?")]
    [InlineData("en", "table for 2 tomorrow at 7pm, my name is Ann, ann@example.com", "Shall I book Cena for 2 people, Thursday, March 5 at 7:00 PM, under the name Ann?")]
    [InlineData("pt", "mesa para 2 amanhã às 19h, meu nome é Ana, ana@example.com", "Confirmo a reserva de Cena para 2 pessoas, quinta-feira, 5 de março às 19:00, em nome de Ana?")]
    public async Task The_confirmation_question_is_worded_in_the_customers_language(string language, string say, string reply)
    {
        var chat = new BookingConversation(language);

        await chat.SayAsync(say);

        Assert.Equal(reply, chat.Reply);
    }
}
