namespace Concierge.Shops;

/// <summary>A point on the earth in decimal degrees (WGS 84), checked on construction.</summary>
public readonly record struct GeoPoint
{
    public const double EarthRadiusKm = 6371.0088;
    public const double KmPerMile = 1.609344;

    public GeoPoint(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "A latitude is between -90 and 90.");
        }

        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "A longitude is between -180 and 180.");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; }
    public double Longitude { get; }

    public static bool IsValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;

    /// <summary>The great-circle distance in kilometres (haversine).</summary>
    public double DistanceKmTo(GeoPoint other)
    {
        var lat1 = Radians(Latitude);
        var lat2 = Radians(other.Latitude);
        var dLat = lat2 - lat1;
        var dLon = Radians(other.Longitude - Longitude);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// The latitude/longitude box holding every point within <paramref name="radiusKm"/>: what the
    /// indexed prefilter asks for before the exact distance is computed. Near a pole the box spans
    /// every longitude; across the antimeridian it has two longitude ranges.
    /// </summary>
    public GeoBox BoxAround(double radiusKm)
    {
        var dLat = radiusKm / EarthRadiusKm * (180 / Math.PI);
        var minLat = Latitude - dLat;
        var maxLat = Latitude + dLat;
        if (minLat <= -90 || maxLat >= 90)
        {
            return new GeoBox(Math.Max(-90, minLat), Math.Min(90, maxLat), [(-180, 180)]);
        }

        // The widest longitude span of the circle is at the latitude where it touches its meridians.
        var dLon = Math.Asin(Math.Min(1, Math.Sin(radiusKm / EarthRadiusKm) / Math.Cos(Radians(Latitude)))) * (180 / Math.PI);
        var minLon = Longitude - dLon;
        var maxLon = Longitude + dLon;
        return minLon < -180 ? new GeoBox(minLat, maxLat, [(minLon + 360, 180), (-180, maxLon)])
            : maxLon > 180 ? new GeoBox(minLat, maxLat, [(minLon, 180), (-180, maxLon - 360)])
            : new GeoBox(minLat, maxLat, [(minLon, maxLon)]);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}

/// <summary>A latitude range and one or two longitude ranges (two across the antimeridian).</summary>
public sealed record GeoBox(double MinLatitude, double MaxLatitude, IReadOnlyList<(double Min, double Max)> Longitudes);
