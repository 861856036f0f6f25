using Concierge.Bookings;

namespace Concierge.Server.Bookings;

public sealed record PolicyView(string TimeZone, int SlotMinutes, int LeadTimeMinutes, int HorizonDays)
{
    public static PolicyView From(BookingPolicy p) =>
        new(p.TimeZoneId, (int)p.SlotLength.TotalMinutes, (int)p.LeadTime.TotalMinutes, (int)p.Horizon.TotalDays);
}
