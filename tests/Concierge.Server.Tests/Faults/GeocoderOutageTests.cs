using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Server.Tests.Router;
using Concierge.Testing.FakeGeocoder;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// Fault 5, the geocoder: it answers 503 to everything for a while, as an admin adds shops by
/// address and customers search the router by location, then recovers. The geocoder is only asked
/// for a shop's address (the router's search takes coordinates), so what the outage may do is delay
/// a shop's placing: the shop is still added (201, <c>geocoding: queued</c>), searches keep
/// answering, nothing answers 5xx, and once the geocoder is back each queued shop's
/// <c>shops.geocode</c> job places it once (its address answered once, no job dead).
/// </summary>
public sealed class GeocoderOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_geocoder_outage_queues_the_shops_added_meanwhile_and_places_each_once_when_it_returns()
    {
        await using var geocoder = await FakeGeocoderServer.StartAsync(Ct);
        // The job system's own backoff (2 s doubling), not the router tests' quick one: an outage
        // of 30 s must not use up a job's attempts.
        await using var app = RouterTestKit.App(
            await TestDatabase.CreateAsync(DatabaseKind.Sqlite), geocoder, new Dictionary<string, string?> { ["RATE_LIMIT_PER_MINUTE"] = "0" }, retries: Concierge.Jobs.JobRetryPolicy.Default);
        var admin = app.AdminClient();
        var answers = new ConcurrentDictionary<string, int>();
        var shops = new ConcurrentQueue<(string Slug, string Address, double Latitude, string Geocoding, TimeSpan At)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var adding = Task.Run(() => AddShopsAsync(admin, geocoder, shops, answers, clock, stop.Token), Ct);
        var searching = Enumerable.Range(0, 2).Select(c => Task.Run(() => SearchAsync(app, c, answers, stop.Token), Ct)).ToList();

        await Task.Delay(FaultScale.Pick(2, 10), Ct);
        geocoder.Failing = true;
        var downAt = clock.Elapsed;
        var outage = FaultScale.Pick(5, 30);
        await Task.Delay(outage, Ct);
        geocoder.Failing = false;
        var backAt = clock.Elapsed;
        await Task.Delay(FaultScale.Pick(2, 10), Ct);
        await stop.CancelAsync();
        await adding;
        await Task.WhenAll(searching);

        var queued = shops.Where(s => s.Geocoding == "queued").ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        var unplaced = queued.Select(s => s.Slug).ToHashSet();
        while (unplaced.Count > 0 && DateTime.UtcNow < deadline)
        {
            foreach (var slug in unplaced.ToList())
            {
                if ((await admin.GetJsonAsync($"/api/v1/shops/{slug}"))["latitude"] is not null)
                {
                    unplaced.Remove(slug);
                }
            }

            await Task.Delay(200, Ct);
        }

        var allPlaced = clock.Elapsed - backAt;
        var placed = new List<string>();
        foreach (var shop in shops)
        {
            var stored = await admin.GetJsonAsync($"/api/v1/shops/{shop.Slug}");
            if (stored["latitude"] is JsonValue latitude && Math.Abs((double)latitude - shop.Latitude) < 1e-9)
            {
                placed.Add(shop.Slug);
            }
        }

        var answeredTwice = geocoder.Answered.GroupBy(a => a).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var dead = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/jobs?state=dead", Ct))!["jobs"]!.AsArray();
        var last = queued.LastOrDefault();
        var found = last.Slug is null ? [] : await SlugsNearAsync(app.FromIp("203.0.113.9"), last.Latitude);
        var report = string.Create(CultureInfo.InvariantCulture,
            $"geocoder answering 503 for {outage.TotalSeconds:0} s: shops added {shops.Count} ({queued.Count} queued, {queued.Count(s => s.At > downAt && s.At < backAt)} during the outage), placed {placed.Count}, every queued shop placed {FaultReport.Seconds(unplaced.Count == 0 ? allPlaced : null)} after the geocoder was back, addresses answered twice {answeredTwice.Count}, dead jobs {dead.Count}; answers: {string.Join(", ", answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} x{a.Value}"))}");
        Record(report);

        Assert.True(queued.Count > 0, $"no shop was queued, so the outage proved nothing: {report}");
        Assert.True(answers.Keys.All(k => !k.StartsWith('5')), $"a request answered 5xx while only the geocoder was down: {report}");
        Assert.True(answers.Keys.All(k => k.EndsWith(" 201", StringComparison.Ordinal) || k.EndsWith(" 200", StringComparison.Ordinal)), $"a request was refused while only the geocoder was down: {report}");
        Assert.True(placed.Count == shops.Count, $"a shop was not placed (or placed wrong) after the geocoder came back: {report}");
        Assert.True(answeredTwice.Count == 0, $"an address was geocoded twice (a job ran again after it succeeded, or the cache missed): {string.Join("; ", answeredTwice.Take(5))} {report}");
        Assert.True(dead.Count == 0, $"a job died of the outage: {dead.ToJsonString()}");
        Assert.Contains(last.Slug, found);
    }

    /// <summary>One admin adding a shop every ~100 ms, each at an address of its own the geocoder knows.</summary>
    private static async Task AddShopsAsync(
        HttpClient admin, FakeGeocoderServer geocoder, ConcurrentQueue<(string, string, double, string, TimeSpan)> shops,
        ConcurrentDictionary<string, int> answers, System.Diagnostics.Stopwatch clock, CancellationToken stop)
    {
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var address = $"{n} Outage Street, New York";
            var latitude = 40.5 + (n * 0.0001);
            geocoder.Knows(address, latitude, -74.0);
            var slug = $"outage-{n}";
            using var response = await admin.PostAsJsonAsync("/api/v1/shops", new { slug, name = $"Outage Cuts {n}", category = "barbershop", address }, CancellationToken.None);
            answers.AddOrUpdate($"add {(int)response.StatusCode}", 1, (_, c) => c + 1);
            if (response.IsSuccessStatusCode)
            {
                var body = (await response.Content.ReadFromJsonAsync<JsonObject>(CancellationToken.None))!;
                shops.Enqueue((slug, address, latitude, (string?)body["geocoding"] ?? "?", clock.Elapsed));
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    // A customer's address of its own every few searches: the router allows an IP 20 searches a minute.
    private static async Task SearchAsync(ConciergeApp app, int client, ConcurrentDictionary<string, int> answers, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            using var customer = app.FromIp($"198.51.{100 + client}.{(n % 250) + 1}");
            using var response = await customer.PostAsJsonAsync("/router/search-by-location", new { latitude = 40.5, longitude = -74.0, radius_miles = 5 }, CancellationToken.None);
            answers.AddOrUpdate($"search {(int)response.StatusCode}", 1, (_, c) => c + 1);
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static async Task<List<string>> SlugsNearAsync(HttpClient client, double latitude)
    {
        using var response = await client.PostAsJsonAsync("/router/search-by-location", new { latitude, longitude = -74.0, radius_miles = 0.01 }, Ct);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        return [.. body["results"]!.AsArray().Select(r => (string)r!["slug"]!)];
    }

    private static void Record(string report)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        if (Environment.GetEnvironmentVariable("CONCIERGE_FAULTS_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, $"{DateTimeOffset.UtcNow:u} {(FaultScale.Long ? "long" : "short")} {report}{Environment.NewLine}");
        }
    }
}
