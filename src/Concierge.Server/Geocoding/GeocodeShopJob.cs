using Concierge.Geocoding;
using Concierge.Jobs;
using Concierge.Server.Shops;
using Concierge.Shops;

namespace Concierge.Server.Geocoding;

/// <summary>
/// <c>shops.geocode</c>: geocodes a shop the import or the API could not (the provider was down, or
/// the import's time for calling out was spent). A provider failure fails the attempt, so the job
/// system retries it with backoff; a shop that is gone, already placed, or whose address no provider
/// knows is done.
/// </summary>
public sealed class GeocodeShopJob(IShopStore shops, Geocoder geocoder, ILogger<GeocodeShopJob> logger) : IJobHandler
{
    public string Kind => JobKinds.ShopsGeocode;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var slug = context.Payload["slug"]?.GetValue<string>();
        if (slug is null || await shops.FindAsync(context.TenantId, slug, cancellationToken) is not { } shop)
        {
            return;
        }

        if (shop.HasCoordinates || shop.Address is not { } address)
        {
            return;
        }

        var outcome = await geocoder.GeocodeAsync(address, cancellationToken);
        switch (outcome.Status)
        {
            case GeocodeStatus.Found:
                await shops.SetCoordinatesAsync(shop.TenantId, shop.Id, address, outcome.Point!.Value, cancellationToken);
                logger.LogInformation("Geocoded shop {Slug}", shop.Slug);
                break;
            case GeocodeStatus.NotFound:
                logger.LogWarning("No geocoder knows the address of shop {Slug}; give its coordinates", shop.Slug);
                break;
            default:
                throw new GeocoderUnavailableException(outcome.Error ?? "The geocoder could not answer.");
        }
    }
}

/// <summary><c>geocoding.cleanup</c>: deletes cache entries past their 90 days (daily), so an address is asked again after that.</summary>
public sealed class GeocodeCacheCleanupJob(IGeocodeCache cache, TimeProvider clock, ILogger<GeocodeCacheCleanupJob> logger) : IJobHandler
{
    public string Kind => JobKinds.GeocodingCleanup;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        var deleted = await cache.DeleteExpiredAsync(clock.GetUtcNow(), cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} expired geocoding cache entries", deleted);
        }
    }
}

/// <summary>Registers the geocoding provider the settings choose, the cached geocoder, its jobs and the shop rules that use them.</summary>
public static class GeocodingSetup
{
    public static IServiceCollection AddShops(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = GeocodingSettings.Bind(configuration);
        services.AddSingleton(settings);
        services.AddHttpClient(NominatimGeocoder.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The factory's logging handlers would write request URLs, and Google's carries the key.
            .RemoveAllLoggers();
        if (settings.UsesGoogle)
        {
            services.AddSingleton<IGeocoder, GoogleGeocoder>();
        }
        else
        {
            services.AddSingleton<IGeocoder, NominatimGeocoder>();
        }

        services.AddSingleton<Geocoder>();
        services.AddSingleton<ShopService>();
        services.AddSingleton<ShopImporter>();
        services.AddSingleton<IJobHandler, GeocodeShopJob>();
        services.AddSingleton<IJobHandler, GeocodeCacheCleanupJob>();
        services.AddSingleton(new RecurringJob(JobKinds.GeocodingCleanup, TimeSpan.FromDays(1)));
        return services;
    }
}
