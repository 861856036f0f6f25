using NodaTime;

namespace Concierge.Bookings;

/// <summary>A date on which nothing can be booked (a holiday, a private event).</summary>
public sealed record ClosedDay(LocalDate Date, string? Reason = null) : ScheduleException(Date);
