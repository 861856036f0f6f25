namespace Concierge.Shops;

/// <summary>A shop a search found: its slug and great-circle distance.</summary>
public sealed record NearShop(string Slug, double Km);

/// <summary>
/// The nearest shops within a radius, by haversine distance (ties by slug), reading few rows: the
/// store sorts the box's shops by <see cref="FlatDistance"/> and returns the first
/// <c>limit + limit·marginFactor + marginRows</c>, which are ranked exactly here. When the flat
/// distance of the last row read proves that no unread shop can be nearer than the answer (or within
/// the radius), that is the answer; otherwise (rare: a crowd at the edge, a high latitude) every
/// shop of the box is read and ranked, as near a pole, where there is no flat distance.
/// </summary>
public sealed class NearestShops(IShopStore shops, double marginFactor = 1, int marginRows = 10)
{
    public async Task<IReadOnlyList<NearShop>> FindAsync(Guid tenantId, GeoPoint center, double radiusKm, string? category, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var box = center.BoxAround(radiusKm);
        if (FlatDistance.Within(center, box) is { } flat)
        {
            var rows = limit + (int)Math.Ceiling(limit * marginFactor) + marginRows;
            var read = await shops.NearestInBoxAsync(tenantId, box, category, flat, rows, cancellationToken);
            var nearest = Rank(center, radiusKm, limit, read);
            if (read.Count < rows || IsComplete(nearest, read, flat, radiusKm, limit))
            {
                return nearest;
            }
        }

        return Rank(center, radiusKm, limit, await shops.PointsInBoxAsync(tenantId, box, category, cancellationToken));
    }

    /// <summary>
    /// Whether no shop the store did not return can belong in <paramref name="nearest"/>: each of them is
    /// at least as far, flat, as the farthest row read, so at least <see cref="FlatDistance.KmAtLeast"/>
    /// of that away; the answer stands when that is beyond the radius, or beyond a full answer's last.
    /// </summary>
    private static bool IsComplete(IReadOnlyList<NearShop> nearest, IReadOnlyList<ShopPoint> read, FlatDistance flat, double radiusKm, int limit)
    {
        var unreadAtLeast = flat.KmAtLeast(read.Max(p => flat.DegreesSquared(p.Latitude, p.Longitude)));
        return unreadAtLeast > radiusKm || (nearest.Count == limit && nearest[^1].Km < unreadAtLeast);
    }

    private static List<NearShop> Rank(GeoPoint center, double radiusKm, int limit, IEnumerable<ShopPoint> points) =>
    [
        .. points
            .Where(p => GeoPoint.IsValid(p.Latitude, p.Longitude))
            .Select(p => new NearShop(p.Slug, center.DistanceKmTo(new GeoPoint(p.Latitude, p.Longitude))))
            .Where(x => x.Km <= radiusKm)
            .OrderBy(x => x.Km).ThenBy(x => x.Slug, StringComparer.Ordinal)
            .Take(limit),
    ];
}
