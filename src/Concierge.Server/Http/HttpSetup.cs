using System.Text.Json;
using System.Threading.RateLimiting;
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
                if (settings.CorsOrigins.Contains("*"))
                {
                    policy.AllowAnyOrigin();
                }
                else
                {
                    policy.WithOrigins([.. settings.CorsOrigins]);
                }

                policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders(RequestIdMiddleware.Header, "Retry-After");
            }));
        }

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ProblemWriter.WriteAsync(context.HttpContext, Problem.RateLimited, $"More than {settings.RateLimitPerMinute} requests a minute from this client; retry in {retryAfter} s.");
            };
            o.AddPolicy(RateLimitPolicy, context => settings.RateLimitPerMinute == 0
                ? RateLimitPartition.GetNoLimiter("off")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.RateLimitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    public static WebApplication UseConciergeHttp(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<HttpSettings>();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);
        if (!app.Environment.IsDevelopment())
        {
            // Sent only on HTTPS responses; plain-HTTP loopback use is unaffected.
            app.UseHsts();
        }

        app.UseMiddleware<RequestBodyLimitMiddleware>(settings.MaxBodyBytes);
        if (settings.CorsOrigins.Count > 0)
        {
            app.UseCors();
        }

        // Who is calling (and so which tenant) is known before limits, which count per caller.
        app.UseConciergeAuth();
        app.UseRateLimiter();
        return app;
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        return next();
    }
}
