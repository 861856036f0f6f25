using Concierge.Server.Configuration;
using Concierge.Server.Tenancy;
using Concierge.Tenants;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace Concierge.Server.Accounts;

/// <summary>
/// Authentication (JWTs signed with SECRET_KEY, and API keys), the role policies
/// (<c>admin</c>, <c>operator</c>, <c>customer</c>) and the edge that fills <see cref="RequestTenant"/>.
/// </summary>
public static class AuthSetup
{
    private const string Selector = "Concierge";

    public static IServiceCollection AddConciergeAuth(this IServiceCollection services, AuthSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<TokenUserCheck>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "JWT or API key", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthentication.KeyOf(context.Request) is not null ? ApiKeyAuthentication.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddJwtBearer(o =>
            {
                // Claims keep their JWT names (sub, role, tenant_id) instead of the long WS-* URIs.
                o.MapInboundClaims = false;
                o.TokenValidationParameters = ValidationParameters(settings);
                o.Events = new JwtBearerEvents
                {
                    // A valid signature is not enough: the user must still exist with that tenant and role.
                    OnTokenValidated = async context =>
                    {
                        var caller = Caller.From(context.Principal);
                        var problem = caller is null
                            ? "the token lacks a tenant or role"
                            : await context.HttpContext.RequestServices.GetRequiredService<TokenUserCheck>().ProblemAsync(caller, context.HttpContext.RequestAborted);
                        if (problem is not null)
                        {
                            context.Fail(problem);
                        }
                    },
                };
            });

        services.AddAuthorization(o =>
        {
            foreach (var role in new[] { Role.Admin, Role.Operator, Role.Customer })
            {
                o.AddPolicy(role.ToWire(), p => p.RequireAuthenticatedUser().RequireAssertion(c => Caller.From(c.User)?.IsAtLeast(role) == true));
            }
        });
        return services;
    }

    /// <summary>What a token must satisfy: HS256 only (so alg none or RS/HS confusion fails), our issuer and audience, not expired.</summary>
    public static TokenValidationParameters ValidationParameters(AuthSettings settings) => new()
    {
        ValidIssuer = settings.Issuer,
        ValidAudience = settings.Audience,
        IssuerSigningKeys = settings.PreviousKey is null
            ? [new SymmetricSecurityKey(settings.SigningKey)]
            : [new SymmetricSecurityKey(settings.SigningKey), new SymmetricSecurityKey(settings.PreviousKey)],
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = Caller.SubjectClaim,
        RoleClaimType = Caller.RoleClaim,
    };

    /// <summary>Authentication, then the edge (caller and tenant), then authorization; before rate limiting, which partitions by caller.</summary>
    public static WebApplication UseConciergeAuth(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<AuthSettings>();
        if (settings.KeyGenerated)
        {
            app.Logger.LogWarning("SECRET_KEY is not set: this Development run signs with the key kept in {File} (made on the first run). Outside Development SECRET_KEY is required.", AuthSettings.DevelopmentSecretFile);
        }

        app.UseAuthentication();
        app.UseMiddleware<TenantEdgeMiddleware>();
        app.UseAuthorization();
        return app;
    }
}
