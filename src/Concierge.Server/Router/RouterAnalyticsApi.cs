using System.Globalization;
using Concierge.Server.Http;
using Concierge.Server.Shops;
using Concierge.Server.Tenancy;
using Concierge.Shops;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Router;

/// <summary>
/// The operator's router figures over the last <c>days</c> (UTC days, today included): usage per
/// day, the shops searches found and delegations reached, and the funnel searches → delegations →
/// bookings with its conversion rates. The same figures are PostgreSQL views (docs/router.md).
/// </summary>
public static class RouterAnalyticsApi
{
    private const int MaxDays = 366;

    public static RouteGroupBuilder MapRouterAnalytics(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/analytics/router").WithTags("Shop router analytics").RequireRateLimiting(HttpSetup.RateLimitPolicy);
        group.MapGet("/usage", UsageAsync).WithSummary("Searches (empty ones, average results), delegations and bookings per UTC day over ?days= (default 7).");
        group.MapGet("/shop-discovery", DiscoveryAsync).WithSummary("Per shop over ?days=: how often searches found it, delegations reached it and bookings came of it; ?limit= (default 50).");
        group.MapGet("/funnel", FunnelAsync).WithSummary("Searches -> delegations -> bookings per UTC day over ?days=, with conversion rates in percent.");
        return group;
    }

    public sealed record UsageDay(string Date, int Searches, int EmptySearches, double AvgResults, int Delegations, int Bookings);

    public sealed record UsageResponse(int Days, string From, UsageDay Totals, IReadOnlyList<UsageDay> PerDay);

    public sealed record DiscoveryRow(string Slug, string? Name, int TimesDiscovered, int TimesDelegated, int Bookings);

    public sealed record DiscoveryResponse(int Days, IReadOnlyList<DiscoveryRow> Shops);

    public sealed record FunnelDay(string Date, int Searches, int Delegations, int Bookings, double SearchToDelegationPct, double DelegationToBookingPct, double SearchToBookingPct);

    public sealed record FunnelResponse(int Days, FunnelDay Totals, IReadOnlyList<FunnelDay> PerDay);

    private static async Task<Results<Ok<UsageResponse>, ProblemHttpResult>> UsageAsync(
        string? days, IRouterAnalytics analytics, RequestTenant tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (Window(days, clock) is not { } window)
        {
            return BadDays(http);
        }

        var rows = await analytics.DaysAsync(tenant.Id, window.Start, cancellationToken);
        var perDay = rows.Select(d => new UsageDay(Date(d.Date), d.Searches, d.EmptySearches, Average(d.Results, d.Searches), d.Delegations, d.Bookings)).ToList();
        var total = new UsageDay("total", rows.Sum(d => d.Searches), rows.Sum(d => d.EmptySearches), Average(rows.Sum(d => d.Results), rows.Sum(d => d.Searches)), rows.Sum(d => d.Delegations), rows.Sum(d => d.Bookings));
        return TypedResults.Ok(new UsageResponse(window.Days, Date(window.From), total, perDay));
    }

    private static async Task<Results<Ok<DiscoveryResponse>, ProblemHttpResult>> DiscoveryAsync(
        string? days, string? limit, IRouterAnalytics analytics, RequestTenant tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (Window(days, clock) is not { } window)
        {
            return BadDays(http);
        }

        var size = 50;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > 500))
        {
            return ShopsApi.Invalid(http, "limit", "'limit' must be a whole number from 1 to 500.");
        }

        var rows = await analytics.ShopDiscoveryAsync(tenant.Id, window.Start, size, cancellationToken);
        return TypedResults.Ok(new DiscoveryResponse(window.Days, [.. rows.Select(r => new DiscoveryRow(r.Slug, r.Name, r.TimesDiscovered, r.TimesDelegated, r.Bookings))]));
    }

    private static async Task<Results<Ok<FunnelResponse>, ProblemHttpResult>> FunnelAsync(
        string? days, IRouterAnalytics analytics, RequestTenant tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (Window(days, clock) is not { } window)
        {
            return BadDays(http);
        }

        var rows = await analytics.DaysAsync(tenant.Id, window.Start, cancellationToken);
        var perDay = rows.Select(d => Funnel(Date(d.Date), d.Searches, d.Delegations, d.Bookings)).ToList();
        return TypedResults.Ok(new FunnelResponse(window.Days, Funnel("total", rows.Sum(d => d.Searches), rows.Sum(d => d.Delegations), rows.Sum(d => d.Bookings)), perDay));
    }

    private static FunnelDay Funnel(string date, int searches, int delegations, int bookings) =>
        new(date, searches, delegations, bookings, Percent(delegations, searches), Percent(bookings, delegations), Percent(bookings, searches));

    private static DayWindow? Window(string? days, TimeProvider clock) =>
        DayWindow.TryParse(days, 7, MaxDays, clock, out var window) ? window : null;

    private static ProblemHttpResult BadDays(HttpContext http) => ShopsApi.Invalid(http, "days", $"'days' must be a whole number from 1 to {MaxDays}.");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double Average(int total, int count) => count == 0 ? 0 : Math.Round((double)total / count, 2);

    private static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}
