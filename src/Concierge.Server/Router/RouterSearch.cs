using System.Text.Json.Nodes;
using Concierge.Server.Shops;
using Concierge.Shops;

namespace Concierge.Server.Router;

/// <summary>A checked <c>POST /router/search-by-location</c> body.</summary>
public sealed record RouterSearchRequest(GeoPoint Center, double RadiusKm, string? Category, int Limit)
{
    public const double MaxRadiusMiles = 50;
    public const double DefaultRadiusMiles = 10;
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    public double RadiusMiles => RadiusKm / GeoPoint.KmPerMile;

    /// <summary>Reads the body; every refusal is a <see cref="ShopInputException"/> naming its field (422).</summary>
    public static RouterSearchRequest From(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var latitude = Required(body, "latitude", -90, 90);
        var longitude = Required(body, "longitude", -180, 180);
        var miles = JsonBody.Number(body, "radius_miles");
        var km = JsonBody.Number(body, "radius_km");
        if (miles is not null && km is not null)
        {
            throw new ShopInputException("radius_km", "Give 'radius_miles' or 'radius_km', not both.");
        }

        var radiusKm = km ?? ((miles ?? DefaultRadiusMiles) * GeoPoint.KmPerMile);
        var maxKm = MaxRadiusMiles * GeoPoint.KmPerMile;
        if (radiusKm <= 0 || radiusKm > maxKm + 1e-9)
        {
            throw km is not null
                ? new ShopInputException("radius_km", $"'radius_km' must be more than 0 and at most {maxKm:0.###} (50 miles).")
                : new ShopInputException("radius_miles", "'radius_miles' must be more than 0 and at most 50.");
        }

        var category = JsonBody.String(body, "category")?.Trim().ToLowerInvariant();
        if (category is { Length: > ShopFields.MaxCategory } || category?.Any(char.IsControl) == true)
        {
            throw new ShopInputException("category", $"'category' must be text of at most {ShopFields.MaxCategory} characters.");
        }

        var limit = JsonBody.Integer(body, "limit", 1, MaxLimit) ?? DefaultLimit;
        return new RouterSearchRequest(new GeoPoint(latitude, longitude), radiusKm, category is { Length: > 0 } ? category : null, limit);
    }

    private static double Required(JsonObject body, string field, double min, double max)
    {
        var value = JsonBody.Number(body, field)
            ?? throw new ShopInputException(field, $"'{field}' is required: a number from {min} to {max}.");
        return value >= min && value <= max ? value : throw new ShopInputException(field, $"'{field}' must be a number from {min} to {max}, got {value}.");
    }
}

public sealed record SearchResult(
    string Slug, string Name, string Category, string? Address, double DistanceMiles, double DistanceKm, double Latitude, double Longitude, string? Phone, string? Hours);

public sealed record SearchResponse(IReadOnlyList<SearchResult> Results, int Count, string SearchId, double RadiusMiles, string? Message);

public sealed record DelegateResponse(string SessionId, DelegatedShop Shop, string Message, string Agent, ContinueWith ContinueWith);

public sealed record DelegatedShop(string Slug, string Name, string Category, string? Address, string? Phone, string? Hours, double? Latitude, double? Longitude);

/// <summary>Where the conversation goes on: <c>POST /chat</c> with the session id.</summary>
public sealed record ContinueWith(string Method, string Path, string SessionId);
