namespace Concierge.Shops;

/// <summary>
/// The cheap distance a store can sort by in SQL: squared degrees, the longitude difference (taken
/// across the antimeridian when shorter) scaled by the cosine of the centre's latitude. It is not
/// the haversine order, so it comes with <see cref="KmAtLeast"/>: a proven lower bound on the true
/// distance of any point of the box from its flat distance, which tells a search when the rows it
/// did not read cannot be nearer than the ones it ranked exactly.
/// </summary>
public sealed class FlatDistance
{
    private const double KmPerDegree = GeoPoint.EarthRadiusKm * Math.PI / 180;

    // Below 1: floating-point rounding in SQL and here must never make the bound too high.
    private const double Rounding = 1 - 1e-9;

    private readonly double _lowerBoundFactor;

    private FlatDistance(GeoPoint center, double longitudeScale, double lowerBoundFactor)
    {
        Center = center;
        LongitudeScale = longitudeScale;
        _lowerBoundFactor = lowerBoundFactor;
    }

    public GeoPoint Center { get; }

    /// <summary>cos(latitude of the centre): what a degree of longitude is worth in degrees of latitude there.</summary>
    public double LongitudeScale { get; }

    /// <summary>
    /// The flat distance for searches inside <paramref name="box"/> (as <see cref="GeoPoint.BoxAround"/>
    /// makes it around <paramref name="center"/>); null for a box that reaches a pole, where the
    /// longitude scale means nothing and every longitude is in the box.
    /// </summary>
    public static FlatDistance? Within(GeoPoint center, GeoBox box)
    {
        ArgumentNullException.ThrowIfNull(box);
        if (box.Longitudes is [(-180, 180)] || box.MinLatitude <= -90 || box.MaxLatitude >= 90)
        {
            return null;
        }

        // For a point of the box and the centre: D = 2R·asin(√a) ≥ 2R·√a, with
        // a = sin²(Δφ/2) + cos φ1·cos φ2·sin²(Δλ/2), and |sin x| ≥ sinc(X)·|x| for |x| ≤ X ≤ π.
        // So D ≥ R·√(sφ²Δφ² + cmin²·sλ²·Δλ²) ≥ R·min(sφ, sλ·cmin/c)·√(Δφ² + c²Δλ²): the flat distance
        // times that factor, where cmin is the smallest cosine of a latitude in the box.
        var halfLatitude = Radians((box.MaxLatitude - box.MinLatitude) / 2);
        var halfLongitude = Radians(box.Longitudes.Sum(r => r.Max - r.Min) / 2);
        var scale = Math.Cos(Radians(center.Latitude));
        var smallestScale = Math.Cos(Radians(Math.Max(Math.Abs(box.MinLatitude), Math.Abs(box.MaxLatitude))));
        var factor = Math.Min(Sinc(halfLatitude / 2), Sinc(halfLongitude / 2) * smallestScale / scale);
        return new FlatDistance(center, scale, factor * Rounding);
    }

    /// <summary>The longitude difference from the centre, the short way round (what the SQL computes too).</summary>
    public double LongitudeDelta(double longitude)
    {
        var delta = longitude - Center.Longitude;
        return delta > 180 ? delta - 360 : delta < -180 ? delta + 360 : delta;
    }

    /// <summary>The flat distance, squared degrees: the store's ORDER BY.</summary>
    public double DegreesSquared(double latitude, double longitude)
    {
        var north = latitude - Center.Latitude;
        var east = LongitudeDelta(longitude) * LongitudeScale;
        return (north * north) + (east * east);
    }

    /// <summary>The least great-circle distance (km) a point of the box with this flat distance can have.</summary>
    public double KmAtLeast(double degreesSquared) => _lowerBoundFactor * KmPerDegree * Math.Sqrt(degreesSquared);

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(x) / x;

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
