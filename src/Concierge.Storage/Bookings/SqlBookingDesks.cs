using Concierge.Bookings.Store;

namespace Concierge.Storage.Bookings;

/// <summary>Reads a tenant's policy and services once per turn and hands out ports over its bookings.</summary>
public sealed class SqlBookingDesks(IBookingStore store, TimeProvider clock) : IBookingDesks
{
    public async Task<BookingDesk> OpenAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var policy = await store.GetPolicyAsync(tenantId, cancellationToken);
        var services = await store.ListServicesAsync(tenantId, cancellationToken);
        return new BookingDesk(policy, services, new SqlBookingPorts(store, tenantId, policy, services, clock));
    }
}
