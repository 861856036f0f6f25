using Concierge.Server.Tests.Infrastructure;
using Concierge.Server.Tests.Storage;
using Concierge.Shops;
using Concierge.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Router;

/// <summary>
/// The search ranked in SQL (flat distance, LIMIT, exact haversine on the rows read) answers exactly
/// what ranking every shop by haversine answers, over a few thousand random shops in the places where
/// the flat distance is worst: a dense city, a high latitude, across the antimeridian, near a pole,
/// and shops on the very same spot (ties go by slug).
/// </summary>
public sealed class NearestShopsTests
{
    private const int Seed = 20261203;
    private static readonly string[] Categories = ["barbershop", "salon"];

    // (latitude, longitude, spread in degrees, shops): where the random shops are.
    private static readonly (double Lat, double Lon, double Spread, int Count)[] Places =
    [
        (40.73, -73.99, 0.8, 1500),
        (69.65, 18.96, 1.5, 500),
        (-17.7, 180, 1.2, 500),
        (89.4, 0, 0.6, 150),
        (51.5, -0.12, 0.0005, 200),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task The_top_k_ranked_in_sql_equals_the_exact_haversine_top_k_over_every_shop(DatabaseKind kind)
    {
        await using var harness = await StorageHarness.CreateAsync(kind);
        var random = new Random(Seed);
        var shops = await InsertRandomShopsAsync(harness.Database, random);
        var store = harness.Services.GetRequiredService<IShopStore>();
        // The default margin, and none at all (every search then needs the proof or the full read).
        NearestShops[] finders = [new(store), new(store, marginFactor: 0, marginRows: 0)];

        for (var q = 0; q < 250; q++)
        {
            var place = Places[random.Next(Places.Length)];
            var center = new GeoPoint(
                Math.Clamp(place.Lat + ((random.NextDouble() - 0.5) * 2 * place.Spread), -90, 90),
                Wrap(place.Lon + ((random.NextDouble() - 0.5) * 2 * place.Spread)));
            var radiusKm = random.Next(4) == 0 ? 80.4672 : 0.2 + (random.NextDouble() * 80);
            var category = random.Next(3) == 0 ? Categories[random.Next(2)] : null;
            var limit = random.Next(5) == 0 ? 50 : 1 + random.Next(20);

            var expected = shops
                .Where(s => category is null || s.Category == category)
                .Select(s => new NearShop(s.Slug, center.DistanceKmTo(new GeoPoint(s.Latitude, s.Longitude))))
                .Where(s => s.Km <= radiusKm)
                .OrderBy(s => s.Km).ThenBy(s => s.Slug, StringComparer.Ordinal)
                .Take(limit)
                .ToList();
            foreach (var finder in finders)
            {
                var found = await finder.FindAsync(StorageHarness.OtherTenantId, center, radiusKm, category, limit, Ct);
                Assert.True(
                    expected.SequenceEqual(found),
                    $"search {q} at {center} within {radiusKm:0.###} km ({category ?? "any"}, {limit}): expected "
                    + $"{string.Join(", ", expected.Select(e => e.Slug))} but found {string.Join(", ", found.Select(f => f.Slug))}");
            }
        }
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task The_database_returns_the_boxs_shops_in_flat_distance_order_across_the_antimeridian_too(DatabaseKind kind)
    {
        await using var harness = await StorageHarness.CreateAsync(kind);
        var random = new Random(Seed + 1);
        var shops = await InsertRandomShopsAsync(harness.Database, random);
        var store = harness.Services.GetRequiredService<IShopStore>();

        foreach (var center in new[] { new GeoPoint(40.75, -73.98), new GeoPoint(69.7, 19.1), new GeoPoint(-17.6, 179.9), new GeoPoint(-17.8, -179.8) })
        {
            var box = center.BoxAround(80);
            var flat = FlatDistance.Within(center, box)!;
            var read = await store.NearestInBoxAsync(StorageHarness.OtherTenantId, box, null, flat, 40, Ct);
            var all = await store.PointsInBoxAsync(StorageHarness.OtherTenantId, box, null, Ct);

            var expected = all.Select(p => flat.DegreesSquared(p.Latitude, p.Longitude)).Order().Take(40).ToList();
            Assert.Equal(40, read.Count);
            Assert.Equal(expected, read.Select(p => flat.DegreesSquared(p.Latitude, p.Longitude)), (a, b) => Math.Abs(a - b) <= 1e-12);
            Assert.True(all.Count > 40, $"only {all.Count} shops in the box around {center} of {shops.Count}");
        }
    }

    private static async Task<List<(string Slug, string Category, double Latitude, double Longitude)>> InsertRandomShopsAsync(Database database, Random random)
    {
        var shops = new List<(string Slug, string Category, double Latitude, double Longitude)>();
        foreach (var (i, place) in Places.Index())
        {
            for (var n = 0; n < place.Count; n++)
            {
                var latitude = Math.Clamp(place.Lat + ((random.NextDouble() - 0.5) * 2 * place.Spread), -90, 90);
                var longitude = Wrap(place.Lon + ((random.NextDouble() - 0.5) * 2 * place.Spread));
                shops.Add(($"shop-{i}-{n:0000}", Categories[random.Next(2)], latitude, longitude));
            }
        }

        // Ties: some shops share a spot with another one.
        for (var n = 0; n < 100; n++)
        {
            var twin = shops[random.Next(shops.Count)];
            shops.Add(($"twin-{n:000}", twin.Category, twin.Latitude, twin.Longitude));
        }

        var now = database.Time(DateTimeOffset.UtcNow);
        await database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO shops (id, tenant_id, slug, name, category, latitude, longitude, agent_key, created_at, updated_at) "
                + "VALUES (@id, @tenantId, @slug, @slug, @category, @latitude, @longitude, 'other', @now, @now)",
                shops.Select(s => new { id = database.Id(Guid.NewGuid()), tenantId = database.Id(StorageHarness.OtherTenantId), slug = s.Slug, category = s.Category, latitude = s.Latitude, longitude = s.Longitude, now }).ToList(),
                transaction,
                cancellationToken: Ct)),
            Ct);
        return shops;
    }

    private static double Wrap(double longitude) => longitude > 180 ? longitude - 360 : longitude < -180 ? longitude + 360 : longitude;
}
