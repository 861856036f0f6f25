using System.Text.Json.Serialization;
using Concierge.Shops;

namespace Concierge.Server.Shops;

public sealed record ShopView(
    string Slug, string Name, string Category, string? Address, double? Latitude, double? Longitude, string? Phone, string? Hours,
    string AgentKey, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Geocoding = null)
{
    public static ShopView From(Shop shop, string? geocoding = null)
    {
        ArgumentNullException.ThrowIfNull(shop);
        return new ShopView(shop.Slug, shop.Name, shop.Category, shop.Address, shop.Latitude, shop.Longitude, shop.Phone, shop.Hours, shop.AgentKey, shop.CreatedAt, shop.UpdatedAt, geocoding);
    }
}

public sealed record ShopList(IReadOnlyList<ShopView> Shops, string? NextAfter);
