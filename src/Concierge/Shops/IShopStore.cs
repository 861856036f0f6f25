using Concierge.Agents;

namespace Concierge.Shops;

/// <summary>A tenant's shops. Every call names the tenant: another tenant's shop is "not found".</summary>
public interface IShopStore
{
    /// <summary>
    /// Adds a shop; with <paramref name="newAgent"/> the shop's own booking agent is added in the same
    /// transaction. Null when the tenant already has a shop with that slug.
    /// </summary>
    Task<Shop?> AddAsync(Shop shop, Agent? newAgent, CancellationToken cancellationToken);

    /// <summary>Replaces the shop's fields (by its id); null when it is no longer there.</summary>
    Task<Shop?> UpdateAsync(Shop shop, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(Guid tenantId, string slug, CancellationToken cancellationToken);

    Task<Shop?> FindAsync(Guid tenantId, string slug, CancellationToken cancellationToken);

    /// <summary>A page of the tenant's shops by slug, after <paramref name="afterSlug"/>.</summary>
    Task<IReadOnlyList<Shop>> ListAsync(Guid tenantId, string? category, string? afterSlug, int limit, CancellationToken cancellationToken);

    /// <summary>The shops with coordinates inside the box (the indexed prefilter of a search), optionally of one category.</summary>
    Task<IReadOnlyList<Shop>> InBoxAsync(Guid tenantId, GeoBox box, string? category, CancellationToken cancellationToken);

    /// <summary>Only the slugs and coordinates of the shops inside the box: what a search ranks before it reads the few it answers with.</summary>
    Task<IReadOnlyList<ShopPoint>> PointsInBoxAsync(Guid tenantId, GeoBox box, string? category, CancellationToken cancellationToken);

    /// <summary>
    /// The first <paramref name="limit"/> shops inside the box by <paramref name="order"/> (sorted by the
    /// database, so that a search reads a few rows, not the whole box); ties in any order.
    /// </summary>
    Task<IReadOnlyList<ShopPoint>> NearestInBoxAsync(Guid tenantId, GeoBox box, string? category, FlatDistance order, int limit, CancellationToken cancellationToken);

    /// <summary>The tenant's shops with these slugs (in no particular order).</summary>
    Task<IReadOnlyList<Shop>> FindManyAsync(Guid tenantId, IReadOnlyList<string> slugs, CancellationToken cancellationToken);

    /// <summary>Sets the coordinates of a shop that still has none and still has <paramref name="address"/>; false otherwise.</summary>
    Task<bool> SetCoordinatesAsync(Guid tenantId, Guid shopId, string address, GeoPoint point, CancellationToken cancellationToken);
}

/// <summary>A shop's slug and coordinates: all a search ranks by.</summary>
public sealed record ShopPoint(string Slug, double Latitude, double Longitude);
