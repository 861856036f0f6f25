using System.Globalization;
using Concierge.Server.Configuration;
using Concierge.Server.Errors;
using Concierge.Server.Tenancy;
using Microsoft.AspNetCore.RateLimiting;

namespace Concierge.Server.RateLimits;

/// <summary>
/// Applies the limits a route asked for (<see cref="RateLimitExtensions"/>): the default per caller
/// and the route's own, in one-minute fixed windows, counted in Redis when REDIS_URL is set. Every
/// limited answer carries RateLimit-Limit / -Remaining / -Reset for the tightest limit; a refused
/// one is 429 with Retry-After. Runs after the edge, so a signed-in caller counts as itself (user
/// or key), wherever it calls from; anonymous callers count per IP.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, RateLimitSettings settings, IRateCounter counter, Analytics.RateLimitRejections rejections)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public async Task InvokeAsync(HttpContext context, RequestTenant tenant, Safety.CrisisExemption crisis)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null)
        {
            await next(context);
            return;
        }

        var caller = tenant.Caller is { } c ? $"c:{c.TenantId:N}:{c.Subject}" : "ip:" + ClientAddress.Of(context, settings.KnownProxies);
        var limits = new List<(string Name, int Limit)>();
        if (settings.PerMinute > 0)
        {
            limits.Add(("default", settings.PerMinute));
        }

        foreach (var route in endpoint.Metadata.GetOrderedMetadata<RouteRateLimit>())
        {
            limits.Add(("route:" + route.Name, route.PerMinute));
        }

        (int Limit, long Remaining, TimeSpan Reset)? tightest = null;
        foreach (var (name, limit) in limits)
        {
            var hit = await counter.HitAsync($"{name}:{caller}", Window, context.RequestAborted);
            var remaining = Math.Max(0, limit - hit.Count);
            if (tightest is null || remaining < tightest.Value.Remaining)
            {
                tightest = (limit, remaining, hit.ResetAfter);
            }

            // A crisis message is never refused (SPEC 5.5): the protocol reply goes out over the limit.
            if (hit.Count > limit && !await crisis.AppliesAsync(context))
            {
                var retry = Seconds(hit.ResetAfter);
                WriteHeaders(context, limit, 0, hit.ResetAfter);
                context.Response.Headers.RetryAfter = retry;
                Observability.HttpTelemetry.Rejected(name);
                if (tenant.IsResolved)
                {
                    // The console's daily figures; an anonymous call that named no agent has no tenant to count for.
                    rejections.Count(tenant.Id);
                }

                await ProblemWriter.WriteAsync(context, Problem.RateLimited, $"More than {limit} requests a minute from this client on this route; retry in {retry} s.");
                return;
            }
        }

        if (tightest is { } t)
        {
            WriteHeaders(context, t.Limit, t.Remaining, t.Reset);
        }

        await next(context);
    }

    private static void WriteHeaders(HttpContext context, int limit, long remaining, TimeSpan reset)
    {
        var headers = context.Response.Headers;
        headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = Seconds(reset);
    }

    private static string Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
