namespace Concierge.Server.Bookings;

/// <summary><c>PUT /api/v1/booking-policy</c>: the tenant's zone and booking grid.</summary>
public sealed record PolicyRequest(string? TimeZone, int? SlotMinutes, int? LeadTimeMinutes, int? HorizonDays);
