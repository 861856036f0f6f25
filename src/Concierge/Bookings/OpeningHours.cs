using NodaTime;

namespace Concierge.Bookings;

/// <summary>
/// A tenant's weekly hours in local time plus the dates that differ. A weekday without intervals is
/// closed; an exception for a date wins over the weekday.
/// </summary>
public sealed record OpeningHours
{
    public static readonly OpeningHours Closed = new();

    public IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>> Week { get; init; } =
        new Dictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>>();

    public IReadOnlyList<ScheduleException> Exceptions { get; init; } = [];

    /// <summary>A copy open on <paramref name="days"/> with <paramref name="intervals"/> (replacing what those days had).</summary>
    public OpeningHours With(IEnumerable<IsoDayOfWeek> days, params OpeningInterval[] intervals)
    {
        var week = new Dictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>>(Week);
        foreach (var day in days)
        {
            week[day] = intervals.OrderBy(i => i.Opens).ToList();
        }

        return this with { Week = week };
    }

    public OpeningHours With(IsoDayOfWeek day, params OpeningInterval[] intervals) => With([day], intervals);

    public OpeningHours Except(ScheduleException exception) =>
        this with { Exceptions = [.. Exceptions.Where(e => e.Date != exception.Date), exception] };

    /// <summary>The intervals open on <paramref name="date"/>, in order; empty when closed.</summary>
    public IReadOnlyList<OpeningInterval> On(LocalDate date)
    {
        switch (Exceptions.LastOrDefault(e => e.Date == date))
        {
            case ClosedDay:
                return [];
            case SpecialHours special:
                return special.Intervals.OrderBy(i => i.Opens).ToList();
        }

        return Week.TryGetValue(date.DayOfWeek, out var intervals) ? intervals : [];
    }

    public bool IsClosedOn(LocalDate date) => On(date).Count == 0;

    public static IReadOnlyList<IsoDayOfWeek> EveryDay { get; } =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];
}
