using Concierge.Shops;

namespace Concierge.Tests.Shops;

public sealed class FlatDistanceTests
{
    [Theory]
    [InlineData(40.7, -74.0, 8, 1.01)]
    [InlineData(40.7, -74.0, 80.4672, 1.02)]
    [InlineData(-33.9, 151.2, 5, 1.01)]
    [InlineData(0, 179.95, 50, 1.01)]
    [InlineData(-17.7, -179.9, 80.4672, 1.01)]
    [InlineData(70, 20, 80.4672, 1.05)]
    [InlineData(88.9, 45, 30, 1.5)]
    public void The_lower_bound_never_exceeds_the_haversine_distance_of_a_point_in_the_box(double latitude, double longitude, double radiusKm, double looseAtMost)
    {
        var center = new GeoPoint(latitude, longitude);
        var box = center.BoxAround(radiusKm);
        var flat = FlatDistance.Within(center, box)!;
        var random = new Random(7);
        var loosest = 0.0;

        for (var i = 0; i < 20_000; i++)
        {
            var range = box.Longitudes[random.Next(box.Longitudes.Count)];
            // Corners and edges too: that is where the bound is tightest.
            var point = new GeoPoint(Pick(random, box.MinLatitude, box.MaxLatitude), Pick(random, range.Min, range.Max));
            var exact = center.DistanceKmTo(point);
            var bound = flat.KmAtLeast(flat.DegreesSquared(point.Latitude, point.Longitude));
            Assert.True(bound <= exact, $"{point}: bound {bound} km over the exact {exact} km");
            loosest = exact > 0.01 ? Math.Max(loosest, exact / bound) : loosest;
        }

        // Not vacuous: the bound is close to the distance (so a search reads few rows beyond its answer), less so near a pole.
        Assert.InRange(loosest, 1, looseAtMost);
    }

    [Fact]
    public void A_box_that_reaches_a_pole_has_no_flat_distance()
    {
        var center = new GeoPoint(89.8, 10);

        Assert.Null(FlatDistance.Within(center, center.BoxAround(30)));
    }

    [Fact]
    public void The_longitude_difference_goes_the_short_way_across_the_antimeridian()
    {
        var flat = FlatDistance.Within(new GeoPoint(0, 179.9), new GeoPoint(0, 179.9).BoxAround(50))!;

        Assert.Equal(0.2, flat.LongitudeDelta(-179.9), 9);
        Assert.Equal(0.04, flat.DegreesSquared(0, -179.9), 9);
    }

    private static double Pick(Random random, double min, double max) => random.Next(4) switch
    {
        0 => min,
        1 => max,
        _ => min + (random.NextDouble() * (max - min)),
    };
}
