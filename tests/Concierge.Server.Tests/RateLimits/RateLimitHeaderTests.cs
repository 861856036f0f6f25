using System.Net;
using Concierge.Server.RateLimits;
using Concierge.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Concierge.Server.Tests.RateLimits;

public sealed class RateLimitHeaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Limited_routes_carry_ratelimit_headers_and_a_signed_in_caller_has_its_own_bucket()
    {
        await RedisRateLimitTests.WaitForFreshWindowAsync();
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?> { ["RATE_LIMIT_PER_MINUTE"] = "2" });
        var anonymous = app.Client();
        var staff = app.OperatorClient();

        using var first = await anonymous.GetAsync("/session/new", Ct);
        using var second = await anonymous.GetAsync("/session/new", Ct);
        using var third = await anonymous.GetAsync("/session/new", Ct);
        using var signedIn = await staff.GetAsync("/session/new", Ct);

        Assert.Equal("2", first.Headers.GetValues("RateLimit-Limit").Single());
        Assert.Equal("1", first.Headers.GetValues("RateLimit-Remaining").Single());
        Assert.InRange(int.Parse(first.Headers.GetValues("RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("0", second.Headers.GetValues("RateLimit-Remaining").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task A_route_with_its_own_limit_refuses_past_it_even_when_the_default_is_off()
    {
        await RedisRateLimitTests.WaitForFreshWindowAsync();
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Accounts.LoginRateLimit; i++)
        {
            using var response = await client.PostAsync("/api/v1/login/access-token", new FormUrlEncodedContent([new("username", $"x{i}@example.com"), new("password", "wrong password")]), Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.Unauthorized, s));
    }

    [Fact]
    public void X_forwarded_for_is_believed_only_from_a_known_proxy()
    {
        var proxy = IPAddress.Parse("10.0.0.5");
        var fromProxy = Request("10.0.0.5", "203.0.113.7, 10.0.0.5");
        var fromClient = Request("198.51.100.9", "203.0.113.7");

        Assert.Equal("203.0.113.7", ClientAddress.Of(fromProxy, [proxy]));
        Assert.Equal("198.51.100.9", ClientAddress.Of(fromClient, [proxy]));
        Assert.Equal("10.0.0.5", ClientAddress.Of(fromProxy, []));
    }

    private static DefaultHttpContext Request(string remote, string forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        return context;
    }

    private static class Accounts
    {
        public const int LoginRateLimit = Server.Accounts.LoginApi.RateLimitPerMinute;
    }
}
