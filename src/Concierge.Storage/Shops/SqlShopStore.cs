using System.Text;
using Concierge.Agents;
using Concierge.Shops;
using Dapper;

namespace Concierge.Storage.Shops;

/// <summary><see cref="IShopStore"/> over the shops table; the search's prefilter is a range scan of the (tenant, latitude, longitude) index.</summary>
public sealed class SqlShopStore(Database database, TenantSeeder seeder) : IShopStore
{
    private const string PointColumns = "slug, latitude, longitude";
    private const string Columns = "id, tenant_id, slug, name, category, address, latitude, longitude, phone, hours, agent_key, created_at, updated_at";

    public async Task<Shop?> AddAsync(Shop shop, Agent? newAgent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        return await database.WriteAsync<Shop?>(
            async (connection, transaction) =>
            {
                var inserted = await connection.ExecuteAsync(new CommandDefinition(
                    $"INSERT INTO shops ({Columns}) VALUES (@id, @tenantId, @slug, @name, @category, @address, @latitude, @longitude, @phone, @hours, @agentKey, @createdAt, @updatedAt) "
                    + "ON CONFLICT DO NOTHING",
                    Parameters(shop),
                    transaction,
                    cancellationToken: cancellationToken));
                if (inserted == 0)
                {
                    return null;
                }

                if (newAgent is not null)
                {
                    await seeder.InsertAgentsAsync(connection, transaction, [newAgent], cancellationToken, firstIsDefault: false);
                }

                return shop;
            },
            cancellationToken);
    }

    public async Task<Shop?> UpdateAsync(Shop shop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var updated = await database.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE shops SET name = @name, category = @category, address = @address, latitude = @latitude, longitude = @longitude, "
                + "phone = @phone, hours = @hours, agent_key = @agentKey, updated_at = @updatedAt WHERE tenant_id = @tenantId AND id = @id",
                Parameters(shop),
                cancellationToken: cancellationToken)),
            cancellationToken);
        return updated == 0 ? null : shop;
    }

    public async Task<bool> DeleteAsync(Guid tenantId, string slug, CancellationToken cancellationToken) =>
        await database.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM shops WHERE tenant_id = @tenantId AND slug = @slug",
                new { tenantId = database.Id(tenantId), slug },
                cancellationToken: cancellationToken)),
            cancellationToken) > 0;

    public async Task<Shop?> FindAsync(Guid tenantId, string slug, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {Columns} FROM shops WHERE tenant_id = @tenantId AND slug = @slug",
            new { tenantId = database.Id(tenantId), slug },
            cancellationToken: cancellationToken));
        return row is { } r ? Read(r) : null;
    }

    public async Task<IReadOnlyList<Shop>> ListAsync(Guid tenantId, string? category, string? afterSlug, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {Columns} FROM shops WHERE tenant_id = @tenantId"
            + (category is null ? string.Empty : " AND category = @category")
            + (afterSlug is null ? string.Empty : " AND slug > @afterSlug")
            + " ORDER BY slug LIMIT @limit",
            new { tenantId = database.Id(tenantId), category, afterSlug, limit },
            cancellationToken: cancellationToken));
        return rows.Select(Read).ToList();
    }

    public async Task<IReadOnlyList<Shop>> InBoxAsync(Guid tenantId, GeoBox box, string? category, CancellationToken cancellationToken)
    {
        var (sql, parameters) = BoxQuery(Columns, tenantId, box, category);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(Read).ToList();
    }

    public async Task<IReadOnlyList<ShopPoint>> PointsInBoxAsync(Guid tenantId, GeoBox box, string? category, CancellationToken cancellationToken)
    {
        var (sql, parameters) = BoxQuery(PointColumns, tenantId, box, category);
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ShopPoint>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<ShopPoint>> NearestInBoxAsync(Guid tenantId, GeoBox box, string? category, FlatDistance order, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var (sql, parameters) = BoxQuery(PointColumns, tenantId, box, category);

        // FlatDistance.DegreesSquared in SQL (the same arithmetic, so the bound it proves holds for these rows).
        const string East = "(CASE WHEN longitude - @centerLon > 180 THEN longitude - @centerLon - 360 "
            + "WHEN longitude - @centerLon < -180 THEN longitude - @centerLon + 360 ELSE longitude - @centerLon END) * @lonScale";
        sql += $" ORDER BY (latitude - @centerLat) * (latitude - @centerLat) + ({East}) * ({East}) LIMIT @limit";
        parameters.Add("centerLat", order.Center.Latitude);
        parameters.Add("centerLon", order.Center.Longitude);
        parameters.Add("lonScale", order.LongitudeScale);
        parameters.Add("limit", limit);
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ShopPoint>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<Shop>> FindManyAsync(Guid tenantId, IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slugs);
        if (slugs.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {Columns} FROM shops WHERE tenant_id = @tenantId AND {(database.Provider == DatabaseProvider.Sqlite ? "slug IN @slugs" : "slug = ANY(@slugs)")}",
            new { tenantId = database.Id(tenantId), slugs = slugs.ToArray() },
            cancellationToken: cancellationToken));
        return rows.Select(Read).ToList();
    }

    private (string Sql, DynamicParameters Parameters) BoxQuery(string columns, Guid tenantId, GeoBox box, string? category)
    {
        ArgumentNullException.ThrowIfNull(box);
        var sql = new StringBuilder($"SELECT {columns} FROM shops WHERE tenant_id = @tenantId");
        if (category is not null)
        {
            sql.Append(" AND category = @category");
        }

        sql.Append(" AND latitude BETWEEN @minLat AND @maxLat AND longitude IS NOT NULL");
        var parameters = new DynamicParameters(new { tenantId = database.Id(tenantId), category, minLat = box.MinLatitude, maxLat = box.MaxLatitude });
        if (box.Longitudes is not [(-180, 180)])
        {
            sql.Append(" AND (");
            for (var i = 0; i < box.Longitudes.Count; i++)
            {
                sql.Append(i == 0 ? string.Empty : " OR ").Append($"longitude BETWEEN @minLon{i} AND @maxLon{i}");
                parameters.Add($"minLon{i}", box.Longitudes[i].Min);
                parameters.Add($"maxLon{i}", box.Longitudes[i].Max);
            }

            sql.Append(')');
        }

        return (sql.ToString(), parameters);
    }

    public async Task<bool> SetCoordinatesAsync(Guid tenantId, Guid shopId, string address, GeoPoint point, CancellationToken cancellationToken) =>
        await database.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE shops SET latitude = @latitude, longitude = @longitude WHERE tenant_id = @tenantId AND id = @shopId AND address = @address AND latitude IS NULL",
                new { tenantId = database.Id(tenantId), shopId = database.Id(shopId), address, latitude = point.Latitude, longitude = point.Longitude },
                cancellationToken: cancellationToken)),
            cancellationToken) > 0;

    private object Parameters(Shop shop) => new
    {
        id = database.Id(shop.Id),
        tenantId = database.Id(shop.TenantId),
        slug = shop.Slug,
        name = shop.Name,
        category = shop.Category,
        address = shop.Address,
        latitude = shop.Latitude,
        longitude = shop.Longitude,
        phone = shop.Phone,
        hours = shop.Hours,
        agentKey = shop.AgentKey,
        createdAt = database.Time(shop.CreatedAt),
        updatedAt = database.Time(shop.UpdatedAt),
    };

    private static Shop Read(Row r) => new()
    {
        Id = r.Guid("id"),
        TenantId = r.Guid("tenant_id"),
        Slug = r.String("slug"),
        Name = r.String("name"),
        Category = r.String("category"),
        Address = r.StringOrNull("address"),
        Latitude = r.DoubleOrNull("latitude"),
        Longitude = r.DoubleOrNull("longitude"),
        Phone = r.StringOrNull("phone"),
        Hours = r.StringOrNull("hours"),
        AgentKey = r.String("agent_key"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
