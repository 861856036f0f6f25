using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Bookings.Store;
using Concierge.Geocoding;
using Concierge.Jobs;
using Concierge.Shops;

namespace Concierge.Server.Shops;

/// <summary>How a shop's geocoding went when it was written.</summary>
public static class GeocodeStates
{
    public const string None = "none";
    public const string Found = "found";
    public const string NotFound = "not_found";
    public const string Queued = "queued";
}

/// <summary>What writing one shop came to.</summary>
public sealed record ShopWrite(Shop Shop, bool Created, string Geocoding);

/// <summary>
/// The rules of creating and changing shops, one place for the admin API, the CSV import route and
/// the <c>shops import</c> command. A shop that names no agent gets its own booking agent
/// (<see cref="ShopAgents"/>); a shop with an address and no coordinates is geocoded (the cache,
/// then the provider), and when the provider cannot answer a <c>shops.geocode</c> job retries it.
/// </summary>
public sealed class ShopService(IShopStore shops, IAgentCatalog agents, IBookingStore bookings, Geocoder geocoder, IJobStore jobs, TimeProvider clock, ILogger<ShopService> logger)
{
    public IShopStore Store => shops;

    /// <summary>Builds the shop a draft describes (over <paramref name="existing"/> when updating) and checks it, writing nothing.</summary>
    public async Task<(Shop Shop, Agent? NewAgent)> PrepareAsync(Guid tenantId, Shop? existing, ShopDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var name = draft.Has("name") || existing is null ? ShopFields.Name(draft.Name) : existing.Name;
        var slug = existing?.Slug ?? (draft.Slug is { Length: > 0 } given ? ShopFields.Slug(given) : ShopFields.Slug(ShopFields.SlugFrom(name)));
        if (existing is not null && draft.Slug is { } other && !string.Equals(other.Trim(), existing.Slug, StringComparison.OrdinalIgnoreCase))
        {
            throw new ShopInputException("slug", "A shop's slug cannot change; delete the shop and create it again.");
        }

        var address = draft.Has("address") || existing is null ? ShopFields.Address(draft.Address) : existing.Address;
        var (latitude, longitude) = Coordinates(draft, existing, address);
        var now = clock.GetUtcNow();
        var shop = new Shop
        {
            Id = existing?.Id ?? Guid.CreateVersion7(now),
            TenantId = tenantId,
            Slug = slug,
            Name = name,
            Category = draft.Has("category") || existing is null ? ShopFields.Category(draft.Category) : existing.Category,
            Address = address,
            Latitude = latitude,
            Longitude = longitude,
            Phone = draft.Has("phone") || existing is null ? ShopFields.Phone(draft.Phone) : existing.Phone,
            Hours = draft.Has("hours") || existing is null ? ShopFields.Hours(draft.Hours) : existing.Hours,
            AgentKey = existing?.AgentKey ?? ShopAgents.KeyFor(slug),
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
        };

        if (draft.AgentKey is { Length: > 0 } agentKey)
        {
            var agent = await agents.FindByKeyAsync(tenantId, agentKey.Trim(), cancellationToken);
            if (agent is null || agent.Skill != ShopAgents.BookingSkill)
            {
                throw new ShopInputException("agent_key", $"The tenant has no booking agent '{Short(agentKey)}' (an agent whose skill is '{ShopAgents.BookingSkill}').");
            }

            return (shop with { AgentKey = agent.Key }, null);
        }

        if (existing is not null || await agents.FindByKeyAsync(tenantId, shop.AgentKey, cancellationToken) is not null)
        {
            // An update keeps its agent; a slug whose agent outlived an earlier shop takes it back.
            return (shop, null);
        }

        var services = await ServiceKeysAsync(tenantId, draft.Services, cancellationToken);
        return (shop, ShopAgents.For(shop, services));
    }

    /// <summary>Creates a shop; null when the slug is taken.</summary>
    public async Task<ShopWrite?> CreateAsync(Guid tenantId, ShopDraft draft, bool callProvider, CancellationToken cancellationToken)
    {
        var (shop, agent) = await PrepareAsync(tenantId, null, draft, cancellationToken);
        if (await shops.AddAsync(shop, agent, cancellationToken) is not { } added)
        {
            return null;
        }

        var (located, state) = await GeocodeAsync(added, callProvider, cancellationToken);
        return new ShopWrite(located, Created: true, state);
    }

    public async Task<ShopWrite?> UpdateAsync(Guid tenantId, Shop existing, ShopDraft draft, bool callProvider, CancellationToken cancellationToken)
    {
        var (shop, _) = await PrepareAsync(tenantId, existing, draft, cancellationToken);
        if (await shops.UpdateAsync(shop, cancellationToken) is not { } updated)
        {
            return null;
        }

        var (located, state) = await GeocodeAsync(updated, callProvider, cancellationToken);
        return new ShopWrite(located, Created: false, state);
    }

    /// <summary>
    /// Geocodes a shop that has an address and no coordinates: from the cache, else (when
    /// <paramref name="callProvider"/>) from the provider; a provider that cannot answer, or no
    /// permission to call it now, leaves a <c>shops.geocode</c> job behind.
    /// </summary>
    public async Task<(Shop Shop, string State)> GeocodeAsync(Shop shop, bool callProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        if (shop.HasCoordinates || shop.Address is not { } address)
        {
            return (shop, GeocodeStates.None);
        }

        var outcome = callProvider ? await geocoder.GeocodeAsync(address, cancellationToken) : await geocoder.FromCacheAsync(address, cancellationToken);
        switch (outcome)
        {
            case { Status: GeocodeStatus.Found, Point: { } point }:
                await shops.SetCoordinatesAsync(shop.TenantId, shop.Id, address, point, cancellationToken);
                return (shop with { Latitude = point.Latitude, Longitude = point.Longitude }, GeocodeStates.Found);
            case { Status: GeocodeStatus.NotFound }:
                return (shop, GeocodeStates.NotFound);
            default:
                if (outcome?.Error is { } error)
                {
                    logger.LogWarning("Geocoding shop {Slug} failed ({Error}); a {Kind} job retries it", shop.Slug, error, JobKinds.ShopsGeocode);
                }

                await QueueGeocodeAsync(shop, cancellationToken);
                return (shop, GeocodeStates.Queued);
        }
    }

    public Task QueueGeocodeAsync(Shop shop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var payload = new JsonObject { ["shop_id"] = shop.Id.ToString(), ["slug"] = shop.Slug };
        return jobs.EnqueueAsync(shop.TenantId, new JobRequest(JobKinds.ShopsGeocode, payload), JobRetryPolicy.DefaultMaxAttempts, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> ServiceKeysAsync(Guid tenantId, IReadOnlyList<string>? wanted, CancellationToken cancellationToken)
    {
        if (wanted is not { Count: > 0 })
        {
            return [];
        }

        var known = (await bookings.ListServicesAsync(tenantId, cancellationToken)).Select(s => s.Service.Key).ToHashSet(StringComparer.Ordinal);
        var keys = wanted.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown
            ? throw new ShopInputException("services", $"The tenant has no service '{Short(unknown)}'; add it with POST /api/v1/services first.")
            : keys;
    }

    private static (double? Latitude, double? Longitude) Coordinates(ShopDraft draft, Shop? existing, string? address)
    {
        var hasLat = draft.Has("latitude") && draft.Latitude is not null;
        var hasLon = draft.Has("longitude") && draft.Longitude is not null;
        if (hasLat != hasLon)
        {
            var missing = hasLat ? "longitude" : "latitude";
            throw new ShopInputException(missing, $"'{missing}' is needed with '{(hasLat ? "latitude" : "longitude")}': give both coordinates or neither.");
        }

        if (hasLat)
        {
            return (ShopFields.Latitude(draft.Latitude!.Value), ShopFields.Longitude(draft.Longitude!.Value));
        }

        // Explicitly cleared, or the address moved: the shop is geocoded again from its address.
        var cleared = draft.Has("latitude") || draft.Has("longitude");
        var moved = existing is not null && draft.Has("address") && !string.Equals(existing.Address, address, StringComparison.Ordinal);
        return existing is null || cleared || moved ? (null, null) : (existing.Latitude, existing.Longitude);
    }

    private static string Short(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
