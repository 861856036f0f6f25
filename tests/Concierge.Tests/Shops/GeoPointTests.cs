using Concierge.Geocoding;
using Concierge.Shops;

namespace Concierge.Tests.Shops;

public sealed class GeoPointTests
{
    [Fact]
    public void Haversine_gives_the_known_great_circle_distances()
    {
        var newYork = new GeoPoint(40.7128, -74.0060);
        var losAngeles = new GeoPoint(34.0522, -118.2437);
        var london = new GeoPoint(51.5074, -0.1278);

        Assert.InRange(newYork.DistanceKmTo(losAngeles), 3930, 3945);
        Assert.InRange(newYork.DistanceKmTo(london), 5565, 5575);
        Assert.Equal(0, newYork.DistanceKmTo(newYork), 9);
        Assert.InRange(new GeoPoint(0, 179.9).DistanceKmTo(new GeoPoint(0, -179.9)), 22.2, 22.3);
    }

    [Theory]
    [InlineData(40.7, -74.0, 80)]
    [InlineData(-33.9, 151.2, 5)]
    [InlineData(0, 179.95, 50)]
    [InlineData(0, -179.95, 50)]
    [InlineData(89.5, 10, 80)]
    [InlineData(-89.9, 0, 30)]
    [InlineData(70, 20, 80)]
    public void Every_point_within_the_radius_lies_inside_the_prefilter_box(double latitude, double longitude, double radiusKm)
    {
        var center = new GeoPoint(latitude, longitude);
        var box = center.BoxAround(radiusKm);
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            // A point at a random bearing and distance inside the circle (the direct geodesic problem on a sphere).
            var d = radiusKm * Math.Sqrt(random.NextDouble()) / GeoPoint.EarthRadiusKm;
            var bearing = random.NextDouble() * 2 * Math.PI;
            var lat1 = latitude * Math.PI / 180;
            var lon1 = longitude * Math.PI / 180;
            var lat2 = Math.Asin((Math.Sin(lat1) * Math.Cos(d)) + (Math.Cos(lat1) * Math.Sin(d) * Math.Cos(bearing)));
            var lon2 = lon1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(d) * Math.Cos(lat1), Math.Cos(d) - (Math.Sin(lat1) * Math.Sin(lat2)));
            var pLat = lat2 * 180 / Math.PI;
            var pLon = ((lon2 * 180 / Math.PI) + 540) % 360 - 180;

            Assert.InRange(pLat, box.MinLatitude - 1e-9, box.MaxLatitude + 1e-9);
            Assert.Contains(box.Longitudes, r => pLon >= r.Min - 1e-9 && pLon <= r.Max + 1e-9);
        }
    }

    [Fact]
    public void A_box_across_the_antimeridian_has_two_longitude_ranges_and_one_at_a_pole_every_longitude()
    {
        Assert.Equal(2, new GeoPoint(10, 179.9).BoxAround(50).Longitudes.Count);
        Assert.Equal(2, new GeoPoint(10, -179.9).BoxAround(50).Longitudes.Count);
        Assert.Equal([(-180d, 180d)], new GeoPoint(89.9, 0).BoxAround(50).Longitudes);
        Assert.Single(new GeoPoint(40, -74).BoxAround(50).Longitudes);
    }

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.PositiveInfinity)]
    [InlineData(90.0001, 0)]
    [InlineData(0, -180.0001)]
    public void A_point_outside_the_earths_ranges_cannot_be_made(double latitude, double longitude)
    {
        Assert.False(GeoPoint.IsValid(latitude, longitude));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(latitude, longitude));
    }

    [Theory]
    [InlineData("146 Spring St, New York", "146 spring st, new york")]
    [InlineData("  146 SPRING St ,New   York. ", "146 spring st, new york")]
    [InlineData("146 Spring St,\tNew York;", "146 spring st, new york")]
    public void Addresses_that_differ_only_in_case_spacing_and_trailing_punctuation_share_a_cache_key(string address, string key) =>
        Assert.Equal(key, Geocoder.AddressKey(address));

    [Theory]
    [InlineData("Bishop's Barbershop, Tempe", "bishops-barbershop-tempe")]
    [InlineData("  Café Olé -- Salon!! ", "cafe-ole-salon")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    public void Slugs_made_from_names_are_lowercase_dashes_without_path_characters(string name, string slug)
    {
        Assert.Equal(slug, ShopFields.SlugFrom(name));
        Assert.True(ShopFields.IsSlug(slug));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("a--b")]
    [InlineData("-a")]
    [InlineData("")]
    [InlineData("A")]
    public void Slugs_with_path_characters_or_stray_dashes_are_refused(string slug) => Assert.False(ShopFields.IsSlug(slug));
}
