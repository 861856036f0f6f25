namespace Concierge.Bookings.Store;

public enum BookingStatus
{
    Booked,
    Cancelled,
}
