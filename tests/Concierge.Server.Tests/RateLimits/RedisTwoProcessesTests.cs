using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.Redis;

namespace Concierge.Server.Tests.RateLimits;

/// <summary>Two real server processes (the built Concierge.Server.dll) sharing a limit through a real redis-server.</summary>
public sealed class RedisTwoProcessesTests
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "Concierge.Server.dll");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_server_processes_share_the_limit_and_each_limits_alone_once_redis_stops()
    {
        await using var redis = await RedisServer.StartOrSkipAsync(Ct);
        Assert.SkipWhen(redis is null, "redis-server is not installed");
        var url = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        using var first = Start(url, redis!.Url, out var port1);
        using var second = Start(url, redis.Url, out var port2);
        try
        {
            using var a = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port1}") };
            using var b = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port2}") };
            await WaitForHealthAsync(a);
            await WaitForHealthAsync(b);
            await RedisRateLimitTests.WaitForFreshWindowAsync();

            var shared = new List<HttpStatusCode>();
            foreach (var client in new[] { a, b, a, b, a })
            {
                using var response = await client.GetAsync("/session/new", Ct);
                shared.Add(response.StatusCode);
            }

            await redis.StopAsync();
            using var alone = await b.GetAsync("/session/new", Ct);
            using var ready = await b.GetAsync("/health/ready", Ct);

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], shared);
            Assert.Equal(HttpStatusCode.OK, alone.StatusCode);
            Assert.Contains("\"redis\":\"down\"", await ready.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var process in new[] { first, second })
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    private static Process Start(string databaseUrl, string redisUrl, out int port)
    {
        port = FreePort();
        var start = new ProcessStartInfo("dotnet", [ServerDll, "--urls", $"http://127.0.0.1:{port}"]);
        start.Environment["DATABASE_URL"] = databaseUrl;
        start.Environment["REDIS_URL"] = redisUrl;
        start.Environment["RATE_LIMIT_PER_MINUTE"] = "4";
        start.Environment["SECRET_KEY"] = ConciergeApp.TestSecretKey;
        start.Environment["LOG_LEVEL"] = "CRITICAL";
        start.Environment.Remove("OPENAI_API_KEY");
        return Process.Start(start)!;
    }

    // Health is not rate limited, so polling it does not spend the limit under test.
    private static async Task WaitForHealthAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync("/health/live", Ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, $"{client.BaseAddress} did not become ready.");
            await Task.Delay(100, Ct);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
