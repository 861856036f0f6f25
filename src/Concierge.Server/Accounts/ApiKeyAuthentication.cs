using System.Security.Claims;
using System.Text.Encodings.Web;
using Concierge.Server.Tenancy;
using Concierge.Tenants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Concierge.Server.Accounts;

/// <summary>
/// Authenticates <c>Authorization: Bearer ck_...</c> (so OpenAI-style clients work unchanged) or
/// <c>X-API-Key: ck_...</c>: looks the key up by the SHA-256 of its secret; a revoked or unknown
/// key fails. Records the last use (at most once a minute per key).
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IAccountStore accounts, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-API-Key";

    /// <summary>The API key a request carries, if any (X-API-Key first, then a bearer value that looks like a key).</summary>
    public static string? KeyOf(HttpRequest request)
    {
        if (request.Headers[HeaderName].ToString() is { Length: > 0 } header)
        {
            return header.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && ApiKeySecret.LooksLikeKey(authorization[7..].Trim())
            ? authorization[7..].Trim()
            : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = KeyOf(Request);
        if (secret is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeySecret.LooksLikeKey(secret))
        {
            return AuthenticateResult.Fail("Not a Concierge API key.");
        }

        var key = await accounts.FindKeyByHashAsync(ApiKeySecret.Hash(secret), Context.RequestAborted);
        if (key is null || key.IsRevoked)
        {
            return AuthenticateResult.Fail(key is null ? "Unknown API key." : "Revoked API key.");
        }

        await accounts.TouchKeyAsync(key.Id, clock.GetUtcNow(), CancellationToken.None);
        var identity = new ClaimsIdentity(
            [
                new Claim(Caller.SubjectClaim, "key:" + key.Id),
                new Claim(Caller.TenantClaim, key.TenantId.ToString()),
                new Claim(Caller.RoleClaim, key.Role.ToWire()),
                new Claim(Caller.KeyClaim, key.Id.ToString()),
            ],
            SchemeName,
            Caller.SubjectClaim,
            Caller.RoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
