namespace Concierge.Bookings.Conversation;

/// <summary>
/// What the booking decision may ask the store, read-only. Writes are returned as effects instead, so a
/// decision can be tested with an in-memory fake and replayed without side effects.
/// </summary>
public interface IBookingPorts
{
    /// <summary>The capacity of <paramref name="serviceId"/> at <paramref name="start"/> now (Closed or OutsideHours when no slot starts there).</summary>
    Task<SlotCapacity> FreeCapacityAsync(Guid serviceId, DateTimeOffset start, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> bookable slots with room for the party, nearest to <paramref name="around"/> (see <see cref="Availability.NearestFreeSlots"/>).</summary>
    Task<IReadOnlyList<SlotOption>> NearestFreeAsync(Guid serviceId, DateTimeOffset around, int partySize, int count, CancellationToken cancellationToken);

    Task<BookingSummary?> FindCustomerBookingAsync(BookingLookup lookup, CancellationToken cancellationToken);
}
