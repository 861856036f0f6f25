using System.Text;
using Concierge.Shops;

namespace Concierge.Geocoding;

/// <summary>What geocoding one address came to.</summary>
public enum GeocodeStatus
{
    Found,
    NotFound,
    Unavailable,
}

public sealed record GeocodeOutcome(GeocodeStatus Status, GeoPoint? Point, bool FromCache, string? Error = null);

/// <summary>
/// Geocodes through the cache first: the same normalised address is asked of the provider at most
/// once per <see cref="CacheLifetime"/> (90 days), whether it was found or not. A provider failure is
/// not cached (the caller retries it as a job).
/// </summary>
public sealed class Geocoder(IGeocoder provider, IGeocodeCache cache, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromDays(90);

    public string Provider => provider.Provider;

    /// <summary>Only the cache: what import uses when it may not call out.</summary>
    public async Task<GeocodeOutcome?> FromCacheAsync(string address, CancellationToken cancellationToken) =>
        await cache.FindAsync(AddressKey(address), clock.GetUtcNow(), cancellationToken) is { } cached
            ? new GeocodeOutcome(cached.Point is null ? GeocodeStatus.NotFound : GeocodeStatus.Found, cached.Point, FromCache: true)
            : null;

    public async Task<GeocodeOutcome> GeocodeAsync(string address, CancellationToken cancellationToken)
    {
        if (await FromCacheAsync(address, cancellationToken) is { } cached)
        {
            return cached;
        }

        GeoPoint? point;
        try
        {
            point = await provider.LookUpAsync(address, cancellationToken);
        }
        catch (GeocoderUnavailableException e)
        {
            return new GeocodeOutcome(GeocodeStatus.Unavailable, null, FromCache: false, e.Message);
        }

        var now = clock.GetUtcNow();
        await cache.SaveAsync(AddressKey(address), point, provider.Provider, now, now + CacheLifetime, cancellationToken);
        return new GeocodeOutcome(point is null ? GeocodeStatus.NotFound : GeocodeStatus.Found, point, FromCache: false);
    }

    /// <summary>
    /// The cache key of an address: lowercase, whitespace collapsed, spaces around commas and
    /// trailing punctuation dropped, so "146 Spring St ,  New York." and "146 spring st, new york" meet.
    /// </summary>
    public static string AddressKey(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var builder = new StringBuilder(address.Length);
        var space = false;
        foreach (var c in address.Trim().ToLowerInvariant())
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (c == ',')
            {
                builder.Append(',');
                space = true;
                continue;
            }

            if (space && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        var key = builder.ToString().Replace(" ,", ",", StringComparison.Ordinal).TrimEnd('.', ',', ' ', ';');
        return key.Length > 500 ? key[..500] : key;
    }
}
