namespace Concierge.Bookings.Store;

/// <summary>Which of a tenant's bookings to list: those starting in [From, To), optionally by status.</summary>
public sealed record BookingQuery(DateTimeOffset From, DateTimeOffset To, BookingStatus? Status = null, Guid? ServiceId = null);
