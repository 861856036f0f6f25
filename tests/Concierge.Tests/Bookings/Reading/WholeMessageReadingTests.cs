using Concierge.Bookings.Reading;
using static Concierge.Tests.Bookings.Reading.ReaderFixture;

namespace Concierge.Tests.Bookings.Reading;

/// <summary>Messages mixing several facts, read as a whole: each number goes to the fact it belongs to.</summary>
public class WholeMessageReadingTests
{
    [Theory]
    [InlineData("mesa para 4 el 12/03 a las 20:00", "2026-03-12", "20:00", 4)]
    [InlineData("table for 2 tonight at 8", "2026-03-04", "20:00", 2)]
    [InlineData("a las 8 esta noche para dos", "2026-03-04", "20:00", 2)]
    [InlineData("somos 3 el sábado a las 21h", "2026-03-07", "21:00", 3)]
    [InlineData("party of six on March 20th at 7:30pm", "2026-03-20", "19:30", 6)]
    [InlineData("para 5 pessoas na sexta às 20h30", "2026-03-06", "20:30", 5)]
    [InlineData("dentro de una semana a las 13:00, 2 adultos y 1 niño", "2026-03-11", "13:00", 3)]
    [InlineData("amanhã ao meio-dia para 4", "2026-03-05", "12:00", 4)]
    public void Dates_times_and_party_sizes_do_not_take_each_others_numbers(string text, string date, string time, int party)
    {
        var slots = Read(text);

        Assert.Equal(date, slots.Date?.ToString("yyyy-MM-dd", null));
        Assert.Equal(time, slots.Time?.ToString("HH:mm", null));
        Assert.Equal(party, slots.PartySize);
    }

    [Fact]
    public void A_message_it_does_not_understand_leaves_everything_empty()
    {
        var slots = Read("¿tienen estacionamiento?");

        Assert.False(slots.GivesFacts);
        Assert.Null(slots.Confirms);
        Assert.Null(slots.NeedsHourFor);
        Assert.Empty(slots.Problems);
    }

    [Fact]
    public void A_no_with_a_new_time_refuses_and_gives_the_time()
    {
        var slots = Read("no, mejor a las 21:30");

        Assert.False(slots.Confirms);
        Assert.Equal("21:30", slots.Time?.ToString("HH:mm", null));
    }

    [Fact]
    public void A_cancel_with_a_phone_gives_both()
    {
        var slots = Read("cancel my booking please, it's under +1 415 555 2671", locale: "en-US");

        Assert.Equal(BookingIntent.Cancel, slots.Intent);
        Assert.Equal("+14155552671", slots.Contact?.Value);
    }
}
