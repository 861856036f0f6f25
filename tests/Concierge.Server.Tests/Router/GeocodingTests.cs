using Concierge.Geocoding;
using Concierge.Jobs;
using Concierge.Server.Geocoding;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing;
using Concierge.Testing.FakeGeocoder;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Router;

/// <summary>The geocoder's cache (90 days, normalised addresses, not-found remembered), its cleanup job and the Google provider.</summary>
public sealed class GeocodingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_address_is_asked_once_in_90_days_then_again_and_the_cleanup_job_deletes_what_expired()
    {
        await using var fake = await FakeGeocoderServer.StartAsync(Ct);
        fake.Knows("146 Spring St, New York", 40.7246, -74.0019);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), fake, clock: clock);
        _ = app.Client();
        var geocoder = app.Services.GetRequiredService<Geocoder>();

        var first = await geocoder.GeocodeAsync("146 Spring St, New York", Ct);
        var again = await geocoder.GeocodeAsync("  146 SPRING st ,   new york. ", Ct);
        var unknown = await geocoder.GeocodeAsync("Nowhere 1", Ct);
        var unknownAgain = await geocoder.GeocodeAsync("nowhere 1", Ct);
        clock.Advance(TimeSpan.FromDays(89));
        var stillCached = await geocoder.GeocodeAsync("146 Spring St, New York", Ct);
        Assert.Equal(2, fake.Requests.Count);

        clock.Advance(TimeSpan.FromDays(2));
        var cache = app.Services.GetRequiredService<IGeocodeCache>();
        var cleanup = app.Services.GetServices<IJobHandler>().Single(h => h.Kind == JobKinds.GeocodingCleanup);
        await cleanup.HandleAsync(new JobContext(Guid.NewGuid(), JobKinds.SystemTenantId, null, JobKinds.GeocodingCleanup, [], 1, clock.GetUtcNow()), Ct);
        var expired = await cache.FindAsync(Geocoder.AddressKey("146 Spring St, New York"), DateTimeOffset.MinValue.AddYears(1), Ct);
        var asked = await geocoder.GeocodeAsync("146 Spring St, New York", Ct);

        Assert.Equal(GeocodeStatus.Found, first.Status);
        Assert.False(first.FromCache);
        Assert.True(again.FromCache);
        Assert.Equal(first.Point, again.Point);
        Assert.Equal(GeocodeStatus.NotFound, unknown.Status);
        Assert.True(unknownAgain.FromCache);
        Assert.True(stillCached.FromCache);
        Assert.Null(expired);
        Assert.False(asked.FromCache);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task A_provider_failure_is_reported_as_unavailable_and_never_cached()
    {
        await using var fake = await FakeGeocoderServer.StartAsync(Ct);
        fake.Knows("1 Down St", 1, 1);
        fake.Failing = true;
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), fake);
        _ = app.Client();
        var geocoder = app.Services.GetRequiredService<Geocoder>();

        var down = await geocoder.GeocodeAsync("1 Down St", Ct);
        fake.Failing = false;
        var up = await geocoder.GeocodeAsync("1 Down St", Ct);

        Assert.Equal(GeocodeStatus.Unavailable, down.Status);
        Assert.Contains("503", down.Error, StringComparison.Ordinal);
        Assert.Equal(GeocodeStatus.Found, up.Status);
        Assert.False(up.FromCache);
    }

    [Fact]
    public async Task With_a_google_key_the_google_api_is_asked_with_the_key_which_never_reaches_the_logs()
    {
        await using var fake = await FakeGeocoderServer.StartAsync(Ct);
        fake.Knows("350 5th Ave, New York", 40.7484, -73.9857);
        const string key = "AIzaTEST-secret-key-123";
        await using var app = RouterTestKit.App(
            await TestDatabase.CreateAsync(DatabaseKind.Sqlite), settings: new() { ["GOOGLE_MAPS_API_KEY"] = key, ["GOOGLE_GEOCODE_URL"] = fake.Address.ToString() });
        _ = app.Client();
        var geocoder = app.Services.GetRequiredService<Geocoder>();

        var found = await geocoder.GeocodeAsync("350 5th Ave, New York", Ct);
        var none = await geocoder.GeocodeAsync("No such place", Ct);

        Assert.Equal("google", geocoder.Provider);
        Assert.Equal(40.7484, found.Point!.Value.Latitude);
        Assert.Equal(GeocodeStatus.NotFound, none.Status);
        Assert.All(fake.Requests, r => Assert.Equal("/maps/api/geocode/json", r.Path));
        Assert.All(fake.Requests, r => Assert.Equal(key, r.Key));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(key, StringComparison.Ordinal));
    }
}
