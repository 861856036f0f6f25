using System.Net;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeGeocoder;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Router;

/// <summary>What the router tests share: an app whose in-process clients can stand for different IP addresses, and small request helpers.</summary>
internal static class RouterTestKit
{
    public const string ClientIpHeader = "X-Test-Client-Ip";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The app, with the fake geocoder as GEOCODER_URL when given, jobs polled often, and a startup
    /// filter that takes the client's IP from <see cref="ClientIpHeader"/> (the in-process server has
    /// no real remote address, so this is how a test is two different clients).
    /// </summary>
    /// <param name="retries">The jobs' backoff: by default a quick one (50 ms to 200 ms, 8 attempts) so retried jobs finish within a test.</param>
    public static ConciergeApp App(
        string databaseUrl, FakeGeocoderServer? geocoder = null, Dictionary<string, string?>? settings = null, TimeProvider? clock = null, Concierge.Jobs.JobRetryPolicy? retries = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["GEOCODER_URL"] = geocoder?.Address.ToString() ?? "http://127.0.0.1:9/",
            ["GEOCODER_TIMEOUT"] = "2s",
            ["Concierge:Jobs:PollInterval"] = "50ms",
        };
        foreach (var (k, v) in settings ?? [])
        {
            all[k] = v;
        }

        return new ConciergeApp(databaseUrl, all)
        {
            Clock = clock,
            TestServices = services =>
            {
                services.AddSingleton<IStartupFilter, ClientIpFilter>();
                services.AddSingleton(retries ?? new Concierge.Jobs.JobRetryPolicy(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), 8));
            },
        };
    }

    public static HttpClient FromIp(this ConciergeApp app, string ip)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add(ClientIpHeader, ip);
        return client;
    }

    public static async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> PostAsync(HttpClient client, string path, string json)
    {
        var response = await client.PostAsync(path, Json.Body(json), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonNode.Parse(text.Length == 0 ? "{}" : text)!.AsObject(), response);
    }

    public static async Task<JsonObject> SearchAsync(HttpClient client, string json)
    {
        var (status, body, response) = await PostAsync(client, "/router/search-by-location", json);
        response.Dispose();
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    private sealed class ClientIpFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientIpHeader, out var ip) && IPAddress.TryParse(ip.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
