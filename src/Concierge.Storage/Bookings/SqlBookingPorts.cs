using Concierge.Bookings;
using Concierge.Bookings.Conversation;
using Concierge.Bookings.Store;

namespace Concierge.Storage.Bookings;

/// <summary>
/// The booking decision's read-only ports over one tenant's bookings. Counts with the domain's
/// <see cref="Availability"/>; what it answers may be stale by the commit, which is why the effect
/// writer checks again under the service's lock.
/// </summary>
internal sealed class SqlBookingPorts(IBookingStore store, Guid tenantId, BookingPolicy policy, IReadOnlyList<BookableService> services, TimeProvider clock) : IBookingPorts
{
    private const int DayLimit = 7;

    public async Task<SlotCapacity> FreeCapacityAsync(Guid serviceId, DateTimeOffset start, CancellationToken cancellationToken)
    {
        if (services.FirstOrDefault(s => s.Service.Id == serviceId) is not { } found)
        {
            return SlotCapacity.Unavailable(SlotStatus.Closed);
        }

        var parties = await store.BookedPartiesAsync(tenantId, serviceId, start, start + found.Service.Duration, cancellationToken);
        return new Availability(found.Service, policy, found.Hours).CapacityAt(start, parties, clock.GetUtcNow());
    }

    public async Task<IReadOnlyList<SlotOption>> NearestFreeAsync(Guid serviceId, DateTimeOffset around, int partySize, int count, CancellationToken cancellationToken)
    {
        if (services.FirstOrDefault(s => s.Service.Id == serviceId) is not { } found)
        {
            return [];
        }

        var availability = new Availability(found.Service, policy, found.Hours);
        var asked = TenantZones.ToLocal(availability.Zone, around);

        // One read for the whole window the search may look at, then split by local date.
        var from = TenantZones.ToUtcLenient(availability.Zone, asked.Date.AtMidnight());
        var to = TenantZones.ToUtcLenient(availability.Zone, asked.Date.PlusDays(DayLimit + 1).AtMidnight()) + found.Service.Duration;
        var parties = await store.BookedPartiesAsync(tenantId, serviceId, from, to, cancellationToken);
        return availability.NearestFreeSlots(asked, partySize, count, _ => parties, clock.GetUtcNow(), DayLimit);
    }

    public async Task<BookingSummary?> FindCustomerBookingAsync(BookingLookup lookup, CancellationToken cancellationToken)
    {
        var zone = policy.FindZone() ?? NodaTime.DateTimeZone.Utc;
        if (lookup.BookingId is { } id && await store.FindAsync(tenantId, id, cancellationToken) is { Status: BookingStatus.Booked } own && own.Start > clock.GetUtcNow())
        {
            return Summary(own, zone);
        }

        var upcoming = await store.UpcomingForContactAsync(tenantId, lookup.Contact?.Value, null, clock.GetUtcNow(), cancellationToken);
        var match = upcoming.FirstOrDefault(b =>
            (lookup.Name is null || b.Name.Contains(lookup.Name, StringComparison.OrdinalIgnoreCase) || lookup.Name.Contains(b.Name, StringComparison.OrdinalIgnoreCase))
            && (lookup.Date is null || TenantZones.ToLocal(zone, b.Start).Date == lookup.Date));
        return match is null ? null : Summary(match, zone);
    }

    private static BookingSummary Summary(Booking b, NodaTime.DateTimeZone zone) =>
        new(b.Id, b.ServiceId, b.ServiceName, b.Start, TenantZones.ToLocal(zone, b.Start), b.PartySize, b.Name);
}
