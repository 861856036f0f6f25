using Concierge.Shops;

namespace Concierge.Geocoding;

/// <summary>An outside geocoding service (Nominatim-compatible, or Google's): an address to coordinates.</summary>
public interface IGeocoder
{
    /// <summary>The provider's name, kept with each cached answer ("nominatim", "google").</summary>
    string Provider { get; }

    /// <summary>The address's coordinates, or null when the provider knows no such place. Throws <see cref="GeocoderUnavailableException"/> when it could not answer.</summary>
    Task<GeoPoint?> LookUpAsync(string address, CancellationToken cancellationToken);
}

/// <summary>The provider could not answer (network, timeout, 5xx, 429, a quota): worth retrying later.</summary>
public sealed class GeocoderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Answers already asked for, by normalised address, until they expire.</summary>
public interface IGeocodeCache
{
    Task<CachedGeocode?> FindAsync(string addressKey, DateTimeOffset now, CancellationToken cancellationToken);

    Task SaveAsync(string addressKey, GeoPoint? point, string provider, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A cached answer; a null <see cref="Point"/> remembers that the provider found nothing.</summary>
public sealed record CachedGeocode(GeoPoint? Point, string Provider, DateTimeOffset ExpiresAt);
