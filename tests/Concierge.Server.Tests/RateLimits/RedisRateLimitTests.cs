using System.Net;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.Redis;

namespace Concierge.Server.Tests.RateLimits;

/// <summary>Two instances sharing their limits through a real redis-server, and what happens when it stops.</summary>
public sealed class RedisRateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("local")]
    [InlineData("reject")]
    public async Task Two_instances_share_one_limit_through_redis_and_the_configured_policy_applies_when_it_stops(string whenDown)
    {
        await using var redis = await RedisServer.StartOrSkipAsync(Ct);
        Assert.SkipWhen(redis is null, "redis-server is not installed");
        await WaitForFreshWindowAsync();
        var url = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var settings = new Dictionary<string, string?> { ["RATE_LIMIT_PER_MINUTE"] = "4", ["REDIS_URL"] = redis!.Url, ["Concierge:RateLimits:RedisDown"] = whenDown };
        await using var a = new ConciergeApp(url, settings);
        await using var b = new ConciergeApp(url, settings);
        var (ca, cb) = (a.Client(), b.Client());

        var shared = new List<HttpStatusCode>();
        foreach (var client in new[] { ca, cb, ca, cb, ca })
        {
            using var response = await client.GetAsync("/session/new", Ct);
            shared.Add(response.StatusCode);
        }

        var ready = await ca.GetJsonAsync("/health/ready");
        await redis.StopAsync();
        using var afterStop = await cb.GetAsync("/session/new", Ct);
        using var again = await cb.GetAsync("/session/new", Ct);
        var readyDown = await cb.GetAsync("/health/ready", Ct);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], shared);
        Assert.Equal("ok", (string?)ready["redis"]);
        var expected = whenDown == "local" ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable;
        Assert.Equal(expected, afterStop.StatusCode);
        Assert.Equal(expected, again.StatusCode);
        Assert.Equal("down", (string?)(await readyDown.ReadObjectAsync())["redis"]);
        Assert.Single(b.Logs.Lines, l => l.Contains("Redis is unreachable (", StringComparison.Ordinal));
    }

    /// <summary>Windows are whole minutes; a test that counts waits out a window about to end, so its hits share one.</summary>
    internal static async Task WaitForFreshWindowAsync()
    {
        var left = 60 - DateTime.UtcNow.Second;
        if (left < 15)
        {
            await Task.Delay(TimeSpan.FromSeconds(left + 0.2));
        }
    }
}
