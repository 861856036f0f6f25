using NodaTime;

namespace Concierge.Bookings;

/// <summary>A date open with its own intervals instead of the weekday's (New Year's Eve dinner only).</summary>
public sealed record SpecialHours(LocalDate Date, IReadOnlyList<OpeningInterval> Intervals) : ScheduleException(Date);
