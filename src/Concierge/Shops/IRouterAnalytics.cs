namespace Concierge.Shops;

/// <summary>What the router records (searches with the shops they found, delegations) and the figures read back from it.</summary>
public interface IRouterAnalytics
{
    Task RecordSearchAsync(Guid tenantId, RouterSearch search, CancellationToken cancellationToken);

    /// <summary>Many searches (of any tenants) in one write: how searches queued off the request path are flushed.</summary>
    Task RecordSearchesAsync(IReadOnlyList<TenantSearch> searches, CancellationToken cancellationToken);

    Task RecordDelegationAsync(Guid tenantId, RouterDelegation delegation, CancellationToken cancellationToken);

    /// <summary>
    /// The search a delegation came from: <paramref name="searchId"/> when it is the tenant's and it
    /// found the shop, else the newest search since <paramref name="since"/> that found it.
    /// </summary>
    Task<Guid?> FindSearchAsync(Guid tenantId, Guid? searchId, string shopSlug, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Per UTC day from <paramref name="from"/>: searches, empty searches, results, delegations and the bookings of delegated sessions.</summary>
    Task<IReadOnlyList<RouterDay>> DaysAsync(Guid tenantId, DateTimeOffset from, CancellationToken cancellationToken);

    /// <summary>Per shop since <paramref name="from"/>: how often it was found, delegated to and booked.</summary>
    Task<IReadOnlyList<ShopDiscovery>> ShopDiscoveryAsync(Guid tenantId, DateTimeOffset from, int limit, CancellationToken cancellationToken);
}

public sealed record RouterSearch(Guid Id, GeoPoint Center, double RadiusKm, string? Category, IReadOnlyList<string> FoundSlugs, DateTimeOffset At);

public sealed record TenantSearch(Guid TenantId, RouterSearch Search);

public sealed record RouterDelegation(Guid Id, Guid SessionId, string ShopSlug, Guid? SearchId, DateTimeOffset At);

public sealed record RouterDay(DateOnly Date, int Searches, int EmptySearches, int Results, int Delegations, int Bookings);

public sealed record ShopDiscovery(string Slug, string? Name, int TimesDiscovered, int TimesDelegated, int Bookings);
