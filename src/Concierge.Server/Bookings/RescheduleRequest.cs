namespace Concierge.Server.Bookings;

/// <summary><c>POST /api/v1/bookings/{id}/reschedule</c>: the new start, read like a booking's.</summary>
public sealed record RescheduleRequest(string? Start, string? TimeZone = null);
