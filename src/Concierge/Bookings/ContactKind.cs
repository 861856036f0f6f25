namespace Concierge.Bookings;

public enum ContactKind
{
    Phone,
    Email,
}
