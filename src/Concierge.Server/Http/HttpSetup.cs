using System.Text.Json;
using Concierge.Server.Accounts;
using Concierge.Server.Configuration;
using Concierge.Server.Errors;

namespace Concierge.Server.Http;

/// <summary>The edge of the service: JSON conventions, problem documents, request ids, limits, CORS, headers.</summary>
public static class HttpSetup
{
    public const string RateLimitPolicy = "per-client";

    public static IServiceCollection AddConciergeHttp(this IServiceCollection services, HttpSettings settings)
    {
        services.AddSingleton(settings);
        services.ConfigureHttpJsonOptions(o =>
        {
            // The seed systems' clients speak snake_case; the native API does too, so there is one convention.
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
            o.SerializerOptions.MaxDepth = 32;

            // A field sent twice is refused (400 naming it): the reader would keep the last one, while the
            // crisis exemption, the signature checks and a reader's eye would see the first.
            o.SerializerOptions.AllowDuplicateProperties = false;

            // Escapes <, >, &, quotes and control characters (so JSON pasted into a page cannot close a
            // script tag) but leaves other letters alone: "¿Qué?" stays readable, not "\u00BFQu\u00E9?".
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });

        // Binding failures (broken JSON, wrong types, wrong content type) throw, so they get the same problem documents as everything else.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemWriter.AddRequestId);
        services.AddExceptionHandler<ProblemExceptionHandler>();

        if (settings.CorsOrigins.Count > 0)
        {
            services.AddCors(o => o.AddDefaultPolicy(policy =>
            {
                // "*" never goes with credentials (browsers refuse it, and it would hand any site the
                // user's cookies); exact origins may send them.
                if (settings.CorsOrigins.Contains("*"))
                {
                    policy.AllowAnyOrigin();
                }
                else
                {
                    policy.WithOrigins([.. settings.CorsOrigins]).AllowCredentials();
                }

                policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders(
                    RequestIdMiddleware.Header, "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "WWW-Authenticate");
            }));
        }

        return services;
    }

    public static WebApplication UseConciergeHttp(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<HttpSettings>();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);
        if (settings.RequireHttps)
        {
            // HSTS is sent only on HTTPS responses; the redirection sends plain-HTTP callers there first.
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseMiddleware<RequestBodyLimitMiddleware>(settings.MaxBodyBytes);
        app.UseMiddleware<RequestCharsetMiddleware>();
        app.UseMiddleware<QueryTextMiddleware>();
        if (settings.CorsOrigins.Count > 0)
        {
            app.UseCors();
        }

        // Who is calling (and so which tenant) is known before limits, which count per caller.
        app.UseConciergeAuth();
        app.UseMiddleware<Observability.LogScopeMiddleware>();
        app.UseMiddleware<RateLimits.RateLimitMiddleware>();
        return app;
    }

    /// <summary>The API's policy: it serves JSON only, so nothing may load, run or frame it.</summary>
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    // Per path: a route that serves a page sets its own policy with .WithContentSecurityPolicy(...).
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicyMetadata>()?.Policy ?? ApiContentSecurityPolicy;
        return next();
    }
}
