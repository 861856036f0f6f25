namespace Concierge.Bookings.Store;

/// <summary>Opens a tenant's <see cref="BookingDesk"/> for a turn (the store implements it).</summary>
public interface IBookingDesks
{
    Task<BookingDesk> OpenAsync(Guid tenantId, CancellationToken cancellationToken);
}
