using System.Net;

namespace Concierge.Server.Tests.Infrastructure;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Past_the_limit_a_client_gets_429_with_retry_after_and_health_stays_reachable()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?> { ["RATE_LIMIT_PER_MINUTE"] = "3" });
        var client = app.Client();
        for (var i = 0; i < 3; i++)
        {
            await client.NewSessionAsync();
        }

        using var limited = await client.GetAsync("/session/new");
        using var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("rate_limited", (string?)(await limited.ReadObjectAsync())["code"]);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
