using Concierge.Agents;
using Concierge.Bookings;
using Concierge.Bookings.Store;

namespace Concierge.Shops;

/// <summary>
/// The demo tenant's shops, so that the router answers on the embedded default: barbershops and
/// salons in New York (the demo tenant's booking time zone), each with its own booking agent and
/// services (a service's capacity is the shop's chairs; each appointment is for one person, so the
/// party size is fixed at 1 and the booking conversation does not ask for it).
/// </summary>
public static class DemoShops
{
    private static readonly DateTimeOffset Seeded = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<(Shop Shop, Agent Agent, IReadOnlyList<BookableService> Services)> All { get; } =
    [
        Make(1, "bishops-barbershop-soho", "Bishop's Barbershop SoHo", "barbershop", "146 Spring St, New York, NY 10012", 40.7246, -74.0019, "+1 212 555 0101", "Mon-Sat 9:00-19:00", [("haircut", "Haircut", 30, 3), ("beard-trim", "Beard trim", 30, 2)], 9, 19),
        Make(2, "chelsea-cuts", "Chelsea Cuts", "barbershop", "250 W 23rd St, New York, NY 10011", 40.7449, -73.9976, "+1 212 555 0102", "Every day 10:00-20:00", [("haircut", "Haircut", 30, 2)], 10, 20),
        Make(3, "brooklyn-hair-studio", "Brooklyn Hair Studio", "salon", "85 N 6th St, Brooklyn, NY 11249", 40.7194, -73.9594, "+1 718 555 0103", "Every day 10:00-20:00", [("haircut", "Cut and style", 60, 2), ("color", "Hair color", 90, 1)], 10, 20),
        Make(4, "upper-west-salon", "Upper West Salon", "salon", "2270 Broadway, New York, NY 10024", 40.7838, -73.9806, "+1 212 555 0104", "Every day 9:00-18:00", [("haircut", "Cut and style", 60, 3)], 9, 18),
        Make(5, "jersey-city-fades", "Jersey City Fades", "barbershop", "120 Newark Ave, Jersey City, NJ 07302", 40.7210, -74.0440, "+1 201 555 0105", "Every day 9:00-19:00", [("haircut", "Haircut", 30, 2)], 9, 19),
    ];

    private static (Shop, Agent, IReadOnlyList<BookableService>) Make(
        int n, string slug, string name, string category, string address, double latitude, double longitude, string phone, string hours,
        (string Key, string Name, int Minutes, int Chairs)[] services, int opens, int closes)
    {
        var shop = new Shop
        {
            Id = Guid.Parse($"00000000-0000-7000-8000-0000000003{n:D2}"),
            TenantId = DemoTenant.TenantId,
            Slug = slug,
            Name = name,
            Category = category,
            Address = address,
            Latitude = latitude,
            Longitude = longitude,
            Phone = phone,
            Hours = hours,
            AgentKey = ShopAgents.KeyFor(slug),
            CreatedAt = Seeded,
            UpdatedAt = Seeded,
        };
        var bookable = services.Select((s, i) => new BookableService(
            new Service(Guid.Parse($"00000000-0000-7000-8000-0000000004{n:D1}{i:D1}"), DemoTenant.TenantId, $"{slug}-{s.Key}", s.Name, TimeSpan.FromMinutes(s.Minutes), s.Chairs, CapacityUnit.Seats, 1, 1),
            OpeningHours.Closed.With(OpeningHours.EveryDay, OpeningInterval.Parse($"{opens:D2}:00", $"{closes:D2}:00")))).ToList();
        var agent = ShopAgents.For(shop, [.. bookable.Select(b => b.Service.Key)]) with
        {
            Id = Guid.Parse($"00000000-0000-7000-8000-0000000005{n:D2}"),
            PublicKey = null,
            ExposeDebug = true,
        };
        return (shop, agent, bookable);
    }
}
