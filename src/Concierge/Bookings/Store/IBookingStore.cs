namespace Concierge.Bookings.Store;

/// <summary>
/// The tenant's booking catalogue and bookings. Every call names the tenant: another tenant's
/// service or booking is "not found". Writes re-check capacity and the slot inside their own
/// transaction, serialised per service, so two writers can never both take the last unit.
/// </summary>
public interface IBookingStore
{
    /// <summary>The tenant's policy, or <see cref="BookingDefaults.Policy"/> when it has none.</summary>
    Task<BookingPolicy> GetPolicyAsync(Guid tenantId, CancellationToken cancellationToken);

    Task SavePolicyAsync(Guid tenantId, BookingPolicy policy, CancellationToken cancellationToken);

    /// <summary>Adds a service; null when the tenant already has one with that key.</summary>
    Task<BookableService?> AddServiceAsync(BookableService service, CancellationToken cancellationToken);

    Task<IReadOnlyList<BookableService>> ListServicesAsync(Guid tenantId, CancellationToken cancellationToken);

    Task<BookableService?> FindServiceAsync(Guid tenantId, Guid serviceId, CancellationToken cancellationToken);

    Task<BookableService?> FindServiceByKeyAsync(Guid tenantId, string key, CancellationToken cancellationToken);

    /// <summary>The live bookings of a service overlapping [from, to), as availability counts them.</summary>
    Task<IReadOnlyList<BookedParty>> BookedPartiesAsync(Guid tenantId, Guid serviceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    Task<BookingWriteResult> CreateAsync(Guid tenantId, NewBooking booking, CancellationToken cancellationToken);

    Task<BookingWriteResult> RescheduleAsync(Guid tenantId, Guid bookingId, DateTimeOffset newStart, CancellationToken cancellationToken);

    /// <summary>Cancels a booking (a cancelled one stays cancelled); null when it is not the tenant's.</summary>
    Task<Booking?> CancelAsync(Guid tenantId, Guid bookingId, CancellationToken cancellationToken);

    Task<Booking?> FindAsync(Guid tenantId, Guid bookingId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Booking>> ListAsync(Guid tenantId, BookingQuery query, CancellationToken cancellationToken);

    /// <summary>The customer's next live booking matching the contact (or customer id), by start.</summary>
    Task<IReadOnlyList<Booking>> UpcomingForContactAsync(Guid tenantId, string? contact, string? customerId, DateTimeOffset after, CancellationToken cancellationToken);
}
