namespace Concierge.Bookings.Store;

public enum BookingWriteOutcome
{
    /// <summary>The booking was written (made or moved).</summary>
    Written,

    /// <summary>The idempotency key was used before: the booking it made is returned, nothing new is written.</summary>
    Existing,

    /// <summary>The slot has no room left for the party.</summary>
    SlotFull,

    /// <summary>No slot starts there now (closed, past, too soon...): see <see cref="BookingWriteResult.SlotStatus"/>.</summary>
    Unavailable,

    /// <summary>The service or booking is not the tenant's, or a cancelled booking was to be moved.</summary>
    NotFound,
}
