namespace Concierge.Bookings.Store;

/// <summary>What a booking write did; <see cref="Booking"/> is set for Written and Existing.</summary>
public sealed record BookingWriteResult(BookingWriteOutcome Outcome, Booking? Booking = null, SlotStatus? SlotStatus = null)
{
    public bool Succeeded => Outcome is BookingWriteOutcome.Written or BookingWriteOutcome.Existing;
}
