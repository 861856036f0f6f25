namespace Concierge.Shops;

/// <summary>
/// A shop of a tenant that the router can find by location and hand a customer to: a barbershop,
/// a salon... Its <see cref="AgentKey"/> names the tenant's booking agent that takes its bookings.
/// </summary>
public sealed record Shop
{
    public required Guid Id { get; init; }
    public required Guid TenantId { get; init; }

    /// <summary>Unique within the tenant: lowercase letters, digits and dashes (see <see cref="ShopFields.Slug"/>).</summary>
    public required string Slug { get; init; }
    public required string Name { get; init; }

    /// <summary>Lowercase ("barbershop", "salon"); the search's category filter matches it exactly.</summary>
    public required string Category { get; init; }
    public string? Address { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Phone { get; init; }

    /// <summary>Opening hours as people write them ("Mon-Sat 9:00-19:00"), shown to customers.</summary>
    public string? Hours { get; init; }

    /// <summary>The key of the tenant's agent that takes the shop's bookings.</summary>
    public required string AgentKey { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public bool HasCoordinates => Latitude is not null && Longitude is not null;
}
