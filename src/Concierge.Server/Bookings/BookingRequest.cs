namespace Concierge.Server.Bookings;

/// <summary><c>POST /api/v1/bookings</c>: <c>start</c> is the tenant's local time ("2026-12-05T19:00") or has an offset.</summary>
/// <param name="TimeZone">Optional: the IANA zone <c>start</c> is written in when it has no offset (the tenant's by default).</param>
public sealed record BookingRequest(string? Service, string? Start, int? PartySize, string? Name, string? Contact, string? CustomerId, string? TimeZone = null);
