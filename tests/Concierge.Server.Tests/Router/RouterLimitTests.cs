using System.Net;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Server.Tests.RateLimits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Router;

/// <summary>The router's per-IP limits and its ENABLE_ROUTER_GPT toggle.</summary>
public sealed class RouterLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Search = """{"latitude":40.7246,"longitude":-74.0019,"radius_miles":1}""";

    [Fact]
    public async Task Searches_are_limited_to_20_and_delegations_to_10_a_minute_per_ip_with_retry_after()
    {
        await RedisRateLimitTests.WaitForFreshWindowAsync();
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var busy = app.FromIp("192.0.2.1");
        var other = app.FromIp("192.0.2.2");

        var searches = new List<HttpResponseMessage>();
        for (var i = 0; i < 21; i++)
        {
            searches.Add(await busy.PostAsync("/router/search-by-location", Json.Body(Search), Ct));
        }

        var delegations = new List<HttpResponseMessage>();
        for (var i = 0; i < 11; i++)
        {
            delegations.Add(await busy.PostAsync("/router/delegate", Json.Body("""{"shop_slug":"no-such-shop"}"""), Ct));
        }

        using var otherIp = await other.PostAsync("/router/search-by-location", Json.Body(Search), Ct);

        Assert.All(searches[..20], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, searches[20].StatusCode);
        Assert.NotNull(searches[20].Headers.RetryAfter);
        Assert.Equal("20", searches[0].Headers.GetValues("RateLimit-Limit").Single());
        Assert.Equal("19", searches[0].Headers.GetValues("RateLimit-Remaining").Single());
        Assert.All(delegations[..10], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, delegations[10].StatusCode);
        Assert.Equal("10", delegations[10].Headers.GetValues("RateLimit-Limit").Single());
        Assert.Equal(HttpStatusCode.OK, otherIp.StatusCode);
        searches.ForEach(r => r.Dispose());
        delegations.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Enable_router_gpt_false_turns_the_router_routes_off_at_the_next_request_and_nothing_else()
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.FromIp("192.0.2.3");
        using var before = await client.PostAsync("/router/search-by-location", Json.Body(Search), Ct);

        // What a reloaded configuration source does: the running app sees the new value, no restart.
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        configuration["ENABLE_ROUTER_GPT"] = "false";
        using var off = await client.PostAsync("/router/search-by-location", Json.Body(Search), Ct);
        using var offDelegate = await client.PostAsync("/router/delegate", Json.Body("""{"shop_slug":"chelsea-cuts"}"""), Ct);
        using var offDocument = await client.GetAsync("/router/openapi.json", Ct);
        using var health = await client.GetAsync("/health", Ct);
        using var chat = await client.GetAsync("/session/new", Ct);
        configuration["ENABLE_ROUTER_GPT"] = "true";
        using var again = await client.PostAsync("/router/search-by-location", Json.Body(Search), Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
        Assert.Equal("application/problem+json", off.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, offDelegate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, offDocument.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("flase")]
    public void A_toggle_that_is_neither_true_nor_false_stops_the_start_naming_it(string value)
    {
        var configuration = Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ENABLE_ROUTER_GPT"] = value }));

        var failure = Assert.Throws<Concierge.Configuration.InvalidSettingException>(() => Concierge.Server.Router.RouterSettings.Validate(configuration));

        Assert.Contains("ENABLE_ROUTER_GPT", failure.Message, StringComparison.Ordinal);
    }
}
