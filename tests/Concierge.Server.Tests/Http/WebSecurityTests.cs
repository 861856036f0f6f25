using System.Net;
using Concierge.Server.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Concierge.Server.Tests.Http;

public sealed class WebSecurityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_exact_cors_origin_may_send_credentials_and_an_unlisted_one_gets_no_cors_headers()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?> { ["CORS_ORIGINS"] = "https://shop.example.com" });

        using var allowed = await app.Client().SendAsync(Preflight("https://shop.example.com"), Ct);
        using var other = await app.Client().SendAsync(Preflight("https://evil.example.com"), Ct);

        Assert.Equal("https://shop.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", allowed.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_wildcard_cors_origin_never_allows_credentials()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?> { ["ALLOWED_ORIGINS"] = "*" });

        using var response = await app.Client().SendAsync(Preflight("https://anyone.example.com"), Ct);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task With_require_https_plain_http_is_redirected_and_the_api_keeps_its_strict_policy()
    {
        await using var app = new ConciergeApp(
            await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?> { ["Concierge:Http:RequireHttps"] = "true", ["https_port"] = "443" });

        using var response = await app.Client().GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.StartsWith("https://", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_answers_carry_the_strict_content_security_policy_and_the_login_route_has_its_own_body_limit()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));

        using var health = await app.Client().GetAsync("/health", Ct);
        using var login = await app.Client().PostAsync(
            "/api/v1/login/access-token",
            new FormUrlEncodedContent([new("username", "ana@example.com"), new("password", new string('p', 20_000))]),
            Ct);

        Assert.Contains("default-src 'none'", health.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", health.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, login.StatusCode);
    }

    [Fact]
    public void A_wildcard_mixed_with_exact_origins_stops_the_start_naming_cors_origins()
    {
        var config = Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CORS_ORIGINS"] = "*,https://shop.example.com" }));

        var error = Assert.Throws<Concierge.Configuration.InvalidSettingException>(() => Server.Configuration.HttpSettings.Bind(config));

        Assert.StartsWith("CORS_ORIGINS:", error.Message, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/sessions");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }
}
