using Concierge.Bookings;
using Concierge.Bookings.Reading;
using static Concierge.Tests.Bookings.Reading.ReaderFixture;

namespace Concierge.Tests.Bookings.Reading;

public class TimeReadingTests
{
    [Theory]
    [InlineData("7pm", "19:00")]
    [InlineData("at 7:45 p.m.", "19:45")]
    [InlineData("19:30", "19:30")]
    [InlineData("19h30", "19:30")]
    [InlineData("às 19h", "19:00")]
    [InlineData("7 y media de la tarde", "19:30")]
    [InlineData("a las nueve menos cuarto de la noche", "20:45")]
    [InlineData("8 de la noche", "20:00")]
    [InlineData("às oito da noite", "20:00")]
    [InlineData("half past seven in the evening", "19:30")]
    [InlineData("tomorrow evening at 8", "20:00")]
    [InlineData("noon", "12:00")]
    [InlineData("al mediodía", "12:00")]
    [InlineData("ao meio-dia", "12:00")]
    [InlineData("a las 10 de la mañana", "10:00")]
    [InlineData("12am", "00:00")]
    [InlineData("a las 21", "21:00")]
    public void Times_are_read_in_twelve_and_twenty_four_hour_forms(string text, string expected) =>
        Assert.Equal(expected, Read(text).Time?.ToString("HH:mm", null));

    [Theory]
    [InlineData("a las 8", "08:00", "20:00")]
    [InlineData("at 7", "07:00", "19:00")]
    [InlineData("a la una", "01:00", "13:00")]
    public void A_twelve_hour_time_without_am_or_pm_keeps_both_readings(string text, string time, string alternative)
    {
        var slots = Read(text);

        Assert.Equal(time, slots.Time?.ToString("HH:mm", null));
        Assert.Equal(alternative, slots.AlternativeTime?.ToString("HH:mm", null));
    }

    [Theory]
    [InlineData("tomorrow evening", "2026-03-05", PartOfDay.Evening)]
    [InlineData("mañana por la mañana", "2026-03-05", PartOfDay.Morning)]
    [InlineData("esta noche", "2026-03-04", PartOfDay.Evening)]
    [InlineData("amanhã à tarde", "2026-03-05", PartOfDay.Afternoon)]
    public void A_part_of_day_without_an_hour_asks_for_the_hour(string text, string date, PartOfDay part)
    {
        var slots = Read(text);

        Assert.Equal(date, slots.Date?.ToString("yyyy-MM-dd", null));
        Assert.Null(slots.Time);
        Assert.Equal(part, slots.NeedsHourFor);
    }

    [Fact]
    public void A_bare_number_is_an_hour_only_when_the_time_was_asked()
    {
        Assert.Equal("21:00", Read("21", BookingField.Time).Time?.ToString("HH:mm", null));
        Assert.Null(Read("21").Time);
    }

    [Theory]
    [InlineData("seis personas")]
    [InlineData("en 2 horas")]
    [InlineData("in 3 hours")]
    [InlineData("table for 2 tonight")]
    public void Numbers_that_are_no_time_of_day_leave_the_time_empty(string text) =>
        Assert.Null(Read(text).Time);
}
