using Concierge.Bookings;
using Concierge.Bookings.Store;
using NodaTime.Text;

namespace Concierge.Server.Bookings;

/// <summary>A service as the API shows it, hours in the request's shape.</summary>
public sealed record ServiceView(
    Guid Id,
    string Key,
    string Name,
    int DurationMinutes,
    int Capacity,
    string Unit,
    int MinParty,
    int MaxParty,
    Dictionary<string, string[][]> Hours,
    string[] ClosedDates,
    Dictionary<string, string[][]> SpecialHours,
    int? FixedParty)
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static ServiceView From(BookableService found)
    {
        var (s, hours) = (found.Service, found.Hours);
        return new(
            s.Id,
            s.Key,
            s.Name,
            (int)s.Duration.TotalMinutes,
            s.CapacityPerSlot,
            s.Unit.ToString().ToLowerInvariant(),
            s.MinPartySize,
            s.MaxPartySize,
            hours.Week.OrderBy(d => d.Key).ToDictionary(d => d.Key.ToString().ToLowerInvariant(), d => Pairs(d.Value)),
            [.. hours.Exceptions.OfType<ClosedDay>().Select(c => LocalDatePattern.Iso.Format(c.Date))],
            hours.Exceptions.OfType<SpecialHours>().ToDictionary(x => LocalDatePattern.Iso.Format(x.Date), x => Pairs(x.Intervals)),
            s.FixedPartySize());
    }

    private static string[][] Pairs(IEnumerable<OpeningInterval> intervals) =>
        [.. intervals.Select(i => new[] { Time.Format(i.Opens), Time.Format(i.Closes) })];
}
