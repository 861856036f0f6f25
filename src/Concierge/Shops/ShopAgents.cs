using Concierge.Agents;

namespace Concierge.Shops;

/// <summary>The booking agent a shop gets when it names none: "shop-{slug}", the bookings skill, told about the shop.</summary>
public static class ShopAgents
{
    public const string KeyPrefix = "shop-";
    public const string BookingSkill = "bookings";

    public static string KeyFor(string slug) => KeyPrefix + slug;

    public static Agent For(Shop shop, IReadOnlyList<string> serviceKeys, string locale = "en-US")
    {
        ArgumentNullException.ThrowIfNull(shop);
        return new Agent
        {
            Id = Guid.CreateVersion7(),
            TenantId = shop.TenantId,
            Key = KeyFor(shop.Slug),
            Name = $"{shop.Name}'s booking assistant",
            Skill = BookingSkill,
            Locale = locale,
            ServiceKeys = serviceKeys,
            Instructions = Instructions(shop),
        };
    }

    public static string Instructions(Shop shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var where = shop.Address is { } address ? $" at {address}" : string.Empty;
        var hours = shop.Hours is { } h ? $" Opening hours: {h}." : string.Empty;
        return $"You take bookings for {shop.Name}, a {shop.Category}{where}.{hours} Ask for one missing thing at a time "
            + "(service, date, time, name, phone or e-mail), offer the nearest free slots when one is full, ask before "
            + "booking, and never say a booking is made unless it is.";
    }
}
