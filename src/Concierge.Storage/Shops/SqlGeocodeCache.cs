using Concierge.Geocoding;
using Concierge.Shops;
using Dapper;

namespace Concierge.Storage.Shops;

/// <summary>The geocoding_cache table: one row per normalised address, replaced when asked again after it expired.</summary>
public sealed class SqlGeocodeCache(Database database) : IGeocodeCache
{
    public async Task<CachedGeocode?> FindAsync(string addressKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            "SELECT latitude, longitude, provider, expires_at FROM geocoding_cache WHERE address_key = @addressKey AND expires_at > @now",
            new { addressKey, now = database.Time(now) },
            cancellationToken: cancellationToken));
        if (row is not { } r)
        {
            return null;
        }

        var point = r.DoubleOrNull("latitude") is { } lat && r.DoubleOrNull("longitude") is { } lon && GeoPoint.IsValid(lat, lon) ? new GeoPoint(lat, lon) : (GeoPoint?)null;
        return new CachedGeocode(point, r.String("provider"), r.Time("expires_at"));
    }

    public Task SaveAsync(string addressKey, GeoPoint? point, string provider, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO geocoding_cache (address_key, latitude, longitude, provider, created_at, expires_at) VALUES (@addressKey, @latitude, @longitude, @provider, @now, @expiresAt) "
                + "ON CONFLICT (address_key) DO UPDATE SET latitude = excluded.latitude, longitude = excluded.longitude, provider = excluded.provider, "
                + "created_at = excluded.created_at, expires_at = excluded.expires_at",
                new { addressKey, latitude = point?.Latitude, longitude = point?.Longitude, provider, now = database.Time(now), expiresAt = database.Time(expiresAt) },
                cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM geocoding_cache WHERE expires_at <= @now", new { now = database.Time(now) }, cancellationToken: cancellationToken)),
            cancellationToken);
}
