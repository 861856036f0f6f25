namespace Concierge.Bookings;

/// <summary>The facts a booking needs, in the order a conversation asks for them.</summary>
public enum BookingField
{
    Service,
    Date,
    Time,
    PartySize,
    Name,
    Contact,
}
