using Concierge.Bookings;
using Concierge.Bookings.Conversation;
using NodaTime;
using static Concierge.Tests.Bookings.Conversation.BookingConversation;

namespace Concierge.Tests.Bookings.Conversation;

public class BookingStateJsonTests
{
    [Fact]
    public async Task A_state_in_the_middle_of_a_confirmation_survives_the_session_store()
    {
        var chat = new BookingConversation();
        await chat.SayAsync("mesa para 4 mañana a las 20:00 a nombre de Ana, ana@example.com");
        var json = BookingStateJson.Write(chat.State);

        var read = BookingStateJson.Read(json);

        Assert.Contains("\"date\":\"2026-03-05\"", json);
        Assert.Contains("\"flow\":\"book\"", json);
        Assert.NotNull(read);
        Assert.Equal(chat.State.Offered, read.Offered);
        Assert.Equal(chat.State with { Alternatives = [] }, read with { Alternatives = [] });
    }

    [Fact]
    public void Offered_alternatives_and_a_target_round_trip()
    {
        var start = Local(3, 6, 21);
        var state = BookingState.Start("America/Santiago", "pt") with
        {
            Flow = BookingFlow.Reschedule,
            Alternatives = [new SlotOption(start, new LocalDateTime(2026, 3, 6, 21, 0), 12)],
            Target = new BookingSummary(Guid.NewGuid(), Dinner.Id, "Cena", start, new LocalDateTime(2026, 3, 6, 21, 0), 2, "João"),
            Contact = ContactPoint.Phone("+5511987654321"),
        };

        var read = BookingStateJson.Read(BookingStateJson.Write(state))!;

        Assert.Equal(state.Alternatives, read.Alternatives);
        Assert.Equal(state with { Alternatives = [] }, read with { Alternatives = [] });
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"time_zone_id\":\"UTC\",\"date\":\"31/02\"}")]
    public void A_broken_stored_state_reads_as_none(string json) =>
        Assert.Null(BookingStateJson.Read(json));
}
