namespace Concierge.Bookings;

/// <summary>
/// How much capacity a new booking at a start would find taken. A booking holds its units for the
/// service's duration, so a 19:00 dinner of two hours still holds its seats at 20:30. The answer is
/// the peak over the new booking's own span, not a sum, so two bookings that follow each other inside
/// that span are not counted as if they overlapped.
/// </summary>
internal static class Occupancy
{
    public static int PeakDuring(Service service, IReadOnlyCollection<BookedParty> bookings, DateTimeOffset start)
    {
        var end = start + service.Duration;
        var moments = bookings.Select(b => b.Start).Where(s => s > start && s < end).Prepend(start);
        return moments.Max(moment => bookings
            .Where(b => b.Start <= moment && moment < b.Start + service.Duration)
            .Sum(b => service.DemandOf(b.PartySize)));
    }
}
