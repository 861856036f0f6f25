using NodaTime;

namespace Concierge.Bookings;

/// <summary>A date whose hours differ from the weekly pattern; it replaces that weekday's intervals.</summary>
public abstract record ScheduleException(LocalDate Date);
