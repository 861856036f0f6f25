using NodaTime;

namespace Concierge.Bookings;

/// <summary>
/// One opening interval of a day in the tenant's local time, closing time excluded. A closing time of
/// midnight means the end of that day; hours past midnight belong to the next day's intervals, so a
/// day's slots never spill into another date.
/// </summary>
public sealed record OpeningInterval
{
    public OpeningInterval(LocalTime opens, LocalTime closes)
    {
        if (closes != LocalTime.Midnight && closes <= opens)
        {
            throw new ArgumentException($"An interval must close after it opens ({opens:HH:mm}–{closes:HH:mm}); split hours past midnight over two days.", nameof(closes));
        }

        Opens = opens;
        Closes = closes;
    }

    public LocalTime Opens { get; }

    public LocalTime Closes { get; }

    /// <summary>Where the interval starts and ends on <paramref name="date"/>, as local date-times.</summary>
    public (LocalDateTime Start, LocalDateTime End) On(LocalDate date) =>
        (date.At(Opens), Closes == LocalTime.Midnight ? date.PlusDays(1).AtMidnight() : date.At(Closes));

    public static OpeningInterval Parse(string opens, string closes) =>
        new(LocalTimeText.Parse(opens), LocalTimeText.Parse(closes));
}
