namespace Concierge.Bookings.Store;

/// <summary>The policy of a tenant that never set one: UTC, half-hour slots, two hours' notice, 90 days ahead.</summary>
public static class BookingDefaults
{
    public static BookingPolicy Policy { get; } = new("UTC", TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(90));
}
