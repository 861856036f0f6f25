using System.Net;
using System.Security.Claims;
using System.Text;
using Concierge.Agents;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Tenants;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Concierge.Server.Tests.Accounts;

public sealed class TokenTests
{
    private const string Route = "/api/v1/templates";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> BadTokens => ["tampered", "expired", "wrong issuer", "wrong audience", "alg none", "other key", "no tenant"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_token_that_does_not_check_out_is_refused_with_401(string kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        // The token names a user that exists, so only what the case breaks can refuse it.
        var user = app.AddUser(Role.Operator).Id;
        var token = kind switch
        {
            "tampered" => Tamper(Sign(user)),
            "expired" => Sign(user, expires: DateTime.UtcNow.AddHours(-1)),
            "wrong issuer" => Sign(user, issuer: "someone-else"),
            "wrong audience" => Sign(user, audience: "another-api"),
            "alg none" => Unsigned(user),
            "other key" => Sign(user, key: "another-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"),
            _ => Sign(user, withTenant: false),
        };

        using var response = await app.WithBearer(token).GetAsync(Route, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Equal("unauthorized", (string?)(await response.ReadObjectAsync())["code"]);
    }

    [Fact]
    public async Task A_well_signed_token_is_accepted_and_one_signed_with_the_previous_key_too()
    {
        const string previous = "previous-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz";
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?> { ["SECRET_KEY_PREVIOUS"] = previous });

        var user = app.AddUser(Role.Operator).Id;

        using var current = await app.WithBearer(Sign(user)).GetAsync(Route, Ct);
        using var old = await app.WithBearer(Sign(user, key: previous)).GetAsync(Route, Ct);
        using var stranger = await app.WithBearer(Sign(Guid.NewGuid())).GetAsync(Route, Ct);

        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode); // well signed, but for no user
    }

    [Fact]
    public async Task A_revoked_api_key_is_refused_and_an_unknown_one_too()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var (key, client) = await app.ApiKeyClientAsync(Role.Operator);
        using var before = await client.GetAsync(Route, Ct);
        var revoke = await app.AdminClient().PostJsonAsync($"/api/v1/keys/{key.Id}/revoke", new { });
        using var after = await client.GetAsync(Route, Ct);
        using var unknown = await app.WithBearer(ApiKeySecret.Generate()).GetAsync(Route, Ct);
        var viaHeader = app.Client();
        viaHeader.DefaultRequestHeaders.Add("X-API-Key", "ck_live_not-a-real-key");
        using var header = await viaHeader.GetAsync(Route, Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.NotNull(revoke["revoked_at"]);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, header.StatusCode);
    }

    [Fact]
    public async Task An_api_key_works_in_the_x_api_key_header_and_records_its_last_use()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var (key, secret) = await app.Services.GetRequiredService<Server.Accounts.AccountService>().AddKeyAsync(DemoTenant.TenantId, "ci", "operator", Ct);
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-API-Key", secret);

        using var response = await client.GetAsync(Route, Ct);
        var keys = await app.AdminClient().GetJsonAsync("/api/v1/keys");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = keys["keys"]!.AsArray().Single(k => (string?)k!["id"] == key.Id.ToString())!;
        Assert.NotNull(listed["last_used_at"]);
        Assert.DoesNotContain(secret, keys.ToJsonString(), StringComparison.Ordinal);
    }

    private static string Sign(
        Guid user, string key = ConciergeApp.TestSecretKey, string issuer = "concierge", string audience = "concierge-api", DateTime? expires = null, bool withTenant = true)
    {
        var claims = new List<Claim> { new("sub", user.ToString()), new("role", "operator") };
        if (withTenant)
        {
            claims.Add(new Claim("tenant_id", DemoTenant.TenantId.ToString()));
        }

        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expiry.AddHours(-2),
            IssuedAt = expiry.AddHours(-2),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    // Flips one character of the signature.
    private static string Tamper(string token) => token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

    private static string Unsigned(Guid user)
    {
        static string B64(string json) => Base64UrlEncoder.Encode(json);
        var payload = $$"""{"sub":"{{user}}","role":"operator","tenant_id":"{{DemoTenant.TenantId}}","iss":"concierge","aud":"concierge-api","exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}""";
        return B64("""{"alg":"none","typ":"JWT"}""") + "." + B64(payload) + ".";
    }
}
