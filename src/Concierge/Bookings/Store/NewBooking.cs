namespace Concierge.Bookings.Store;

/// <summary>A booking to make. <paramref name="Id"/> is chosen by the caller when it must know it before the commit (a turn's reply).</summary>
public sealed record NewBooking(
    Guid Id,
    Guid ServiceId,
    DateTimeOffset Start,
    int PartySize,
    string Name,
    string Contact,
    string? CustomerId = null,
    Guid? SessionId = null,
    string? IdempotencyKey = null);
