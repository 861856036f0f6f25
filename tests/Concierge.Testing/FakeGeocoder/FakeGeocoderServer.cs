using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Concierge.Testing.FakeGeocoder;

/// <summary>
/// A geocoder on loopback speaking both wire formats Concierge calls: Nominatim's
/// <c>GET /search?q=&amp;format=json</c> (an array of places with string lat/lon) and Google's
/// <c>GET /maps/api/geocode/json?address=&amp;key=</c> (status + results[].geometry.location).
/// Knows the addresses it is given; can be made to fail (503) to test retries.
/// </summary>
public sealed class FakeGeocoderServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (double Lat, double Lon)> _places = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<GeocodeRequest> _requests = new();
    private readonly ConcurrentQueue<string> _answered = new();
    private LoopbackServer? _server;

    public Uri Address => _server!.Address;

    /// <summary>When true every request answers 503, as a provider that is down.</summary>
    public bool Failing { get; set; }

    public IReadOnlyList<GeocodeRequest> Requests => [.. _requests];

    /// <summary>The addresses asked for (q= or address=), in order.</summary>
    public IReadOnlyList<string> AskedAddresses => [.. _requests.Select(r => r.Address)];

    /// <summary>The addresses answered (200, found or not), in order: asked while <see cref="Failing"/> is not.</summary>
    public IReadOnlyList<string> Answered => [.. _answered];

    public FakeGeocoderServer Knows(string address, double latitude, double longitude)
    {
        _places[address.Trim()] = (latitude, longitude);
        return this;
    }

    public static async Task<FakeGeocoderServer> StartAsync(CancellationToken cancellationToken)
    {
        var fake = new FakeGeocoderServer();
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync, cancellationToken).ConfigureAwait(false);
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var request = new GeocodeRequest(
            context.Request.Path, query.ContainsKey("q") ? query["q"].ToString() : query["address"].ToString(), query.ContainsKey("key") ? query["key"].ToString() : null,
            query["format"].ToString(), context.Request.Headers.UserAgent.ToString());
        _requests.Enqueue(request);
        if (Failing)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Response.ContentType = "application/json";
        _answered.Enqueue(request.Address);
        if (context.Request.Path == "/search")
        {
            var q = context.Request.Query["q"].ToString();
            var places = new JsonArray();
            if (_places.TryGetValue(q.Trim(), out var p))
            {
                places.Add(new JsonObject
                {
                    ["place_id"] = 1,
                    ["lat"] = p.Lat.ToString(CultureInfo.InvariantCulture),
                    ["lon"] = p.Lon.ToString(CultureInfo.InvariantCulture),
                    ["display_name"] = q,
                });
            }

            await context.Response.WriteAsync(places.ToJsonString()).ConfigureAwait(false);
            return;
        }

        if (context.Request.Path == "/maps/api/geocode/json")
        {
            var address = context.Request.Query["address"].ToString();
            var body = string.IsNullOrEmpty(context.Request.Query["key"])
                ? new JsonObject { ["status"] = "REQUEST_DENIED", ["results"] = new JsonArray() }
                : _places.TryGetValue(address.Trim(), out var p)
                    ? new JsonObject
                    {
                        ["status"] = "OK",
                        ["results"] = new JsonArray(new JsonObject { ["geometry"] = new JsonObject { ["location"] = new JsonObject { ["lat"] = p.Lat, ["lng"] = p.Lon } } }),
                    }
                    : new JsonObject { ["status"] = "ZERO_RESULTS", ["results"] = new JsonArray() };
            await context.Response.WriteAsync(body.ToJsonString()).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>One request the fake geocoder received.</summary>
public sealed record GeocodeRequest(string Path, string Address, string? Key, string Format, string UserAgent);
