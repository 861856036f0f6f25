using Concierge.Shops;
using Dapper;

namespace Concierge.Storage.Shops;

/// <summary>The router_analytics and router_search_results tables; bookings are read from the bookings of delegated sessions.</summary>
public sealed class SqlRouterAnalytics(Database database) : IRouterAnalytics
{
    private const string DelegatedBookings =
        "FROM bookings b JOIN router_analytics a ON a.tenant_id = b.tenant_id AND a.session_id = b.session_id AND a.event_type = 'delegation' "
        + "WHERE b.tenant_id = @tenantId AND b.created_at >= @from";

    public Task RecordSearchAsync(Guid tenantId, RouterSearch search, CancellationToken cancellationToken) =>
        RecordSearchesAsync([new TenantSearch(tenantId, search)], cancellationToken);

    public Task RecordSearchesAsync(IReadOnlyList<TenantSearch> searches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(searches);
        if (searches.Count == 0)
        {
            return Task.CompletedTask;
        }

        var rows = searches.Select(s => new
        {
            id = database.Id(s.Search.Id),
            tenantId = database.Id(s.TenantId),
            count = s.Search.FoundSlugs.Count,
            latitude = s.Search.Center.Latitude,
            longitude = s.Search.Center.Longitude,
            radiusKm = s.Search.RadiusKm,
            category = s.Search.Category,
            at = database.Time(s.Search.At),
        }).ToList();
        var found = searches.SelectMany(s => s.Search.FoundSlugs.Select((slug, i) => new
        {
            searchId = database.Id(s.Search.Id),
            tenantId = database.Id(s.TenantId),
            slug,
            position = i + 1,
            at = database.Time(s.Search.At),
        })).ToList();
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                // ON CONFLICT DO NOTHING: a batch retried after a failed commit may have been written after all.
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO router_analytics (id, tenant_id, event_type, result_count, latitude, longitude, radius_km, category, created_at) "
                    + "VALUES (@id, @tenantId, 'search', @count, @latitude, @longitude, @radiusKm, @category, @at) ON CONFLICT DO NOTHING",
                    rows,
                    transaction,
                    cancellationToken: cancellationToken));
                if (found.Count > 0)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        "INSERT INTO router_search_results (search_id, tenant_id, shop_slug, position, created_at) VALUES (@searchId, @tenantId, @slug, @position, @at) ON CONFLICT DO NOTHING",
                        found,
                        transaction,
                        cancellationToken: cancellationToken));
                }
            },
            cancellationToken);
    }

    public Task RecordDelegationAsync(Guid tenantId, RouterDelegation delegation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delegation);
        return database.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO router_analytics (id, tenant_id, event_type, search_id, session_id, shop_slug, created_at) VALUES (@id, @tenantId, 'delegation', @searchId, @sessionId, @slug, @at)",
                new
                {
                    id = database.Id(delegation.Id),
                    tenantId = database.Id(tenantId),
                    searchId = database.Id(delegation.SearchId),
                    sessionId = database.Id(delegation.SessionId),
                    slug = delegation.ShopSlug,
                    at = database.Time(delegation.At),
                },
                cancellationToken: cancellationToken)),
            cancellationToken);
    }

    public async Task<Guid?> FindSearchAsync(Guid tenantId, Guid? searchId, string shopSlug, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            "SELECT search_id FROM router_search_results WHERE tenant_id = @tenantId AND shop_slug = @shopSlug AND "
            + (searchId is null ? "created_at >= @since" : "search_id = @searchId")
            + " ORDER BY created_at DESC LIMIT 1",
            new { tenantId = database.Id(tenantId), shopSlug, since = database.Time(since), searchId = database.Id(searchId) },
            cancellationToken: cancellationToken));
        return row?.GuidOrNull("search_id");
    }

    public async Task<IReadOnlyList<RouterDay>> DaysAsync(Guid tenantId, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var parameters = new { tenantId = database.Id(tenantId), from = database.Time(from) };
        await using var connection = await database.OpenAsync(cancellationToken);
        var events = await connection.QueryRowsAsync(new CommandDefinition(
            "SELECT event_type, result_count, created_at FROM router_analytics WHERE tenant_id = @tenantId AND created_at >= @from",
            parameters,
            cancellationToken: cancellationToken));
        var bookings = await connection.QueryRowsAsync(new CommandDefinition($"SELECT b.created_at {DelegatedBookings}", parameters, cancellationToken: cancellationToken));

        var days = new SortedDictionary<DateOnly, RouterDay>();
        RouterDay Day(DateTimeOffset at)
        {
            var date = DateOnly.FromDateTime(at.UtcDateTime);
            return days.TryGetValue(date, out var day) ? day : days[date] = new RouterDay(date, 0, 0, 0, 0, 0);
        }

        foreach (var e in events)
        {
            var day = Day(e.Time("created_at"));
            days[day.Date] = e.String("event_type") == "search"
                ? day with { Searches = day.Searches + 1, EmptySearches = day.EmptySearches + (e.IntOrNull("result_count") == 0 ? 1 : 0), Results = day.Results + (e.IntOrNull("result_count") ?? 0) }
                : day with { Delegations = day.Delegations + 1 };
        }

        foreach (var b in bookings)
        {
            var day = Day(b.Time("created_at"));
            days[day.Date] = day with { Bookings = day.Bookings + 1 };
        }

        return [.. days.Values];
    }

    public async Task<IReadOnlyList<ShopDiscovery>> ShopDiscoveryAsync(Guid tenantId, DateTimeOffset from, int limit, CancellationToken cancellationToken)
    {
        var parameters = new { tenantId = database.Id(tenantId), from = database.Time(from) };
        await using var connection = await database.OpenAsync(cancellationToken);

        async Task<Dictionary<string, int>> CountAsync(string sql) =>
            (await connection.QueryRowsAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)))
                .ToDictionary(r => r.String("shop_slug"), r => r.Int("n"), StringComparer.Ordinal);

        var discovered = await CountAsync("SELECT shop_slug, count(*) AS n FROM router_search_results WHERE tenant_id = @tenantId AND created_at >= @from GROUP BY shop_slug");
        var delegated = await CountAsync("SELECT shop_slug, count(*) AS n FROM router_analytics WHERE tenant_id = @tenantId AND event_type = 'delegation' AND created_at >= @from GROUP BY shop_slug");
        var booked = await CountAsync($"SELECT a.shop_slug AS shop_slug, count(*) AS n {DelegatedBookings} GROUP BY a.shop_slug");
        var names = (await connection.QueryRowsAsync(new CommandDefinition(
                "SELECT slug, name FROM shops WHERE tenant_id = @tenantId", parameters, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.String("slug"), r => r.String("name"), StringComparer.Ordinal);

        return [.. discovered.Keys.Union(delegated.Keys).Union(booked.Keys)
            .Select(slug => new ShopDiscovery(slug, names.GetValueOrDefault(slug), discovered.GetValueOrDefault(slug), delegated.GetValueOrDefault(slug), booked.GetValueOrDefault(slug)))
            .OrderByDescending(s => s.TimesDiscovered).ThenByDescending(s => s.TimesDelegated).ThenBy(s => s.Slug, StringComparer.Ordinal)
            .Take(limit)];
    }
}
