namespace Concierge.Bookings.Reading;

public enum PartOfDay
{
    Morning,
    Afternoon,
    Evening,
    Night,
}
