namespace Concierge.Bookings.Store;

/// <summary>
/// The demo tenant's booking set-up, so that <c>dotnet run</c> can book at once: New York time,
/// half-hour slots, two hours' notice, and "Hibachi at home" open 11:00-23:00 every day with four chefs.
/// </summary>
public static class DemoBookings
{
    public static readonly Guid HibachiServiceId = Guid.Parse("00000000-0000-7000-8000-000000000201");

    public static BookingPolicy Policy { get; } = new("America/New_York", TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(90));

    public static BookableService Hibachi { get; } = new(
        new Service(HibachiServiceId, Agents.DemoTenant.TenantId, "hibachi", "Hibachi at home", TimeSpan.FromHours(2), 4, CapacityUnit.Chefs, 1, 30),
        OpeningHours.Closed.With(OpeningHours.EveryDay, OpeningInterval.Parse("11:00", "23:00")));
}
