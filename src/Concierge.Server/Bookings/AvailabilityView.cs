namespace Concierge.Server.Bookings;

/// <summary><c>GET /api/v1/availability</c>: a service's slots on a local date, in the tenant's zone.</summary>
public sealed record AvailabilityView(string Service, string Date, string TimeZone, string Unit, bool Closed, IReadOnlyList<SlotView> Slots);
