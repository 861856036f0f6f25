using Concierge.Bookings;
using static Concierge.Tests.Bookings.Reading.ReaderFixture;

namespace Concierge.Tests.Bookings.Reading;

/// <summary>Dates read relative to Wednesday 4 March 2026 in Santiago.</summary>
public class DateReadingTests
{
    [Theory]
    [InlineData("hoy", "2026-03-04")]
    [InlineData("today please", "2026-03-04")]
    [InlineData("hoje", "2026-03-04")]
    [InlineData("mañana", "2026-03-05")]
    [InlineData("tomorrow", "2026-03-05")]
    [InlineData("amanhã às 19h", "2026-03-05")]
    [InlineData("pasado mañana", "2026-03-06")]
    [InlineData("depois de amanhã", "2026-03-06")]
    [InlineData("the day after tomorrow", "2026-03-06")]
    [InlineData("next Friday", "2026-03-06")]
    [InlineData("el sábado que viene", "2026-03-07")]
    [InlineData("este sábado", "2026-03-07")]
    [InlineData("this Wednesday", "2026-03-04")]
    [InlineData("next Wednesday", "2026-03-11")]
    [InlineData("sexta que vem", "2026-03-06")]
    [InlineData("no próximo domingo", "2026-03-08")]
    [InlineData("friday next week", "2026-03-13")]
    [InlineData("in 3 days", "2026-03-07")]
    [InlineData("dentro de una semana", "2026-03-11")]
    [InlineData("daqui a 2 dias", "2026-03-06")]
    [InlineData("em uma semana", "2026-03-11")]
    [InlineData("en dos semanas", "2026-03-18")]
    [InlineData("12/03", "2026-03-12")]
    [InlineData("el 12/03/2027", "2027-03-12")]
    [InlineData("March 12", "2026-03-12")]
    [InlineData("on March 12th", "2026-03-12")]
    [InlineData("12 de marzo", "2026-03-12")]
    [InlineData("12 de março", "2026-03-12")]
    [InlineData("2026-04-01", "2026-04-01")]
    [InlineData("el 2 de enero", "2027-01-02")]
    [InlineData("el 20", "2026-03-20")]
    [InlineData("on the 3rd", "2026-04-03")]
    [InlineData("no, mejor el domingo 15 a la misma hora", "2026-03-15")]
    [InlineData("Sunday the 22nd", "2026-03-22")]
    [InlineData("sexta-feira, 13", "2026-03-13")]
    [InlineData("sunday 8pm", "2026-03-08")]
    public void Dates_are_read_from_relative_and_calendar_words(string text, string expected) =>
        Assert.Equal(expected, Read(text).Date?.ToString("yyyy-MM-dd", null));

    [Fact]
    public void A_us_tenant_reads_the_month_first() =>
        Assert.Equal("2026-12-03", Read("12/03", locale: "en-US").Date?.ToString("yyyy-MM-dd", null));

    [Theory]
    [InlineData("31 de febrero")]
    [InlineData("30/02")]
    [InlineData("February 30")]
    public void An_impossible_date_is_left_empty_and_reported(string text)
    {
        var slots = Read(text);

        Assert.Null(slots.Date);
        Assert.Contains(slots.Problems, p => p.Field == BookingFieldNames.Date && p.Code == BookingErrorCodes.ImpossibleDate);
    }

    [Fact]
    public void A_bare_day_number_is_a_date_only_when_the_date_was_asked()
    {
        Assert.Equal("2026-03-15", Read("15", BookingField.Date).Date?.ToString("yyyy-MM-dd", null));
        Assert.Null(Read("15").Date);
    }

    [Fact]
    public void Words_that_are_not_dates_leave_the_date_empty() =>
        Assert.Null(Read("quiero una mesa").Date);
}
