using System.Security.Claims;
using Concierge.Server.Configuration;
using Concierge.Server.Tenancy;
using Concierge.Tenants;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Concierge.Server.Accounts;

/// <summary>
/// Signs access tokens: HS256 with SECRET_KEY, carrying the user, tenant and role. Times come from
/// the wall clock, not the injected TimeProvider: the JWT handler checks expiry against the wall
/// clock, and a token must be valid where it is checked.
/// </summary>
public sealed class AccessTokenIssuer(AuthSettings settings)
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials = new(new SymmetricSecurityKey(settings.SigningKey), SecurityAlgorithms.HmacSha256);

    public TimeSpan Lifetime => settings.TokenLifetime;

    public string Issue(User user)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new List<Claim>
        {
            new(Caller.SubjectClaim, user.Id.ToString()),
            new(Caller.TenantClaim, user.TenantId.ToString()),
            new(Caller.RoleClaim, user.Role.ToWire()),
            new("username", user.Username),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        if (user.CustomerId is { } customer)
        {
            claims.Add(new Claim(Caller.CustomerClaim, customer));
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + settings.TokenLifetime).UtcDateTime,
            SigningCredentials = _credentials,
        });
    }
}
