namespace Concierge.Bookings.Store;

/// <summary>A booking row: who takes how much of a service, from when to when.</summary>
/// <param name="Contact">A phone number in E.164 or an e-mail address, as given.</param>
public sealed record Booking(
    Guid Id,
    Guid TenantId,
    Guid ServiceId,
    string ServiceKey,
    string ServiceName,
    DateTimeOffset Start,
    DateTimeOffset End,
    int PartySize,
    string Name,
    string Contact,
    string? CustomerId,
    Guid? SessionId,
    BookingStatus Status,
    string? IdempotencyKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
