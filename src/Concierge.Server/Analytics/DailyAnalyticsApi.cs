using System.Globalization;
using Concierge.Agents;
using Concierge.Server.Accounts;
using Concierge.Server.Http;
using Concierge.Server.Tenancy;
using Concierge.Storage.Analytics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Analytics;

/// <summary>
/// <c>GET /api/v1/analytics/daily</c>: the operators' console's day-by-day chart. Every UTC day of
/// the last <c>days</c> (today included) with its turns by source and crisis detections (from the
/// stored domain events) and the rate-limit rejections of the tenant's callers.
/// </summary>
public static class DailyAnalyticsApi
{
    public const int DefaultDays = 7;
    public const int MaxDays = 90;

    public static RouteGroupBuilder MapDailyAnalytics(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/analytics").WithTags("Analytics").RequireRole(Concierge.Tenants.Role.Operator).RequireRateLimiting(HttpSetup.RateLimitPolicy);
        group.MapGet("/daily", GetAsync).WithSummary(
            $"Per UTC day over ?days= (1-{MaxDays}, default {DefaultDays}, today included): turns, turns by source (model, offline, fallback, safety), "
            + "crisis detections and rate-limit rejections; ?agent= (an agent key) counts only that agent's turns and detections "
            + "(rejections are the tenant's). A bad value is 422 invalid_query naming the parameter.");
        return group;
    }

    private static async Task<Results<Ok<DailyAnalytics>, ProblemHttpResult>> GetAsync(
        HttpContext http, SqlDailyAnalytics store, RateLimitRejections rejections, IAgentCatalog agents, RequestTenant tenant, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (QueryParameters.Single(http, "days", out var daysText) is { } badDays)
        {
            return badDays;
        }

        if (!DayWindow.TryParse(daysText, DefaultDays, MaxDays, clock, out var window))
        {
            return QueryParameters.Refuse(http, "days", $"Query parameter 'days' must be a whole number from 1 to {MaxDays}.");
        }

        if (QueryParameters.Single(http, "agent", out var agent) is { } badAgent)
        {
            return badAgent;
        }

        // An unknown agent is a bad value of the query (422), like a bad 'days', not a missing resource.
        if (agent is not null && (agent.Length > 128 || await agents.FindByKeyAsync(tenant.Id, agent, cancellationToken) is null))
        {
            return QueryParameters.Refuse(http, "agent", "Query parameter 'agent' names no agent of this tenant.");
        }

        var events = await store.EventsAsync(tenant.Id, agent, window.Start, window.End, cancellationToken);
        var refused = await rejections.PerDayAsync(tenant.Id, window.From, window.To, cancellationToken);
        var byDay = events.ToLookup(e => e.Day);
        var days = window.Dates.Select(date => DailyFigures.Of(date, byDay[date], refused.TryGetValue(date, out var n) ? n : 0)).ToList();
        return TypedResults.Ok(new DailyAnalytics(Date(window.From), Date(window.To), days));
    }

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The range (both days included) and one entry per day, oldest first.</summary>
public sealed record DailyAnalytics(string From, string To, IReadOnlyList<DailyFigures> Days);

/// <summary>One UTC day's figures; a day without any is all zeros.</summary>
public sealed record DailyFigures(string Date, long Turns, TurnsBySource TurnsBySource, long CrisisDetections, long RateLimitRejections)
{
    public static DailyFigures Of(DateOnly date, IEnumerable<DailyEventCount> events, long rejections)
    {
        long Turns(string? source) => events.Where(e => e.Name == "turn_completed" && (source is null || e.Source == source)).Sum(e => e.Count);
        return new DailyFigures(
            DailyAnalyticsApi.Date(date),
            Turns(null),
            new TurnsBySource(Turns("model"), Turns("offline"), Turns("fallback"), Turns("safety")),
            events.Where(e => e.Name == "crisis_detected").Sum(e => e.Count),
            rejections);
    }
}

/// <summary>A day's turns by who answered: the model, the offline interpreter, the offline fallback after a model failure, the crisis protocol.</summary>
public sealed record TurnsBySource(long Model, long Offline, long Fallback, long Safety);
