using System.Globalization;
using Concierge.Costs;
using Concierge.Server.Accounts;
using Concierge.Server.Http;
using Concierge.Server.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Usage;

/// <summary>
/// <c>GET /api/v1/usage</c>: the caller's tenant's model calls, tokens and cost over a time range,
/// grouped by day, agent, session, model or customer (operators). From the usage ledger, so the
/// spend of expired anonymous sessions and of erased customers still counts (without their ids).
/// </summary>
public static class UsageApi
{
    public const int DefaultDays = 30;
    public const int MaxLimit = 10_000;

    private static readonly string[] Groups = ["day", "agent", "session", "model", "customer"];

    public static RouteGroupBuilder MapUsage(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/usage").WithTags("Usage").RequireRole(Concierge.Tenants.Role.Operator).RequireRateLimiting(HttpSetup.RateLimitPolicy);
        group.MapGet("/", GetAsync).WithSummary(
            "Model calls, tokens and cost (USD) of the tenant from 'from' (inclusive) to 'to' (exclusive; a bare date counts its whole day), "
            + "grouped by day (UTC), agent, session, model or customer. Defaults: the last 30 days by day.");
        return group;
    }

    private static async Task<Results<Ok<UsageReport>, ProblemHttpResult>> GetAsync(
        HttpContext http, IUsageReport report, RequestTenant tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (QueryParameters.Single(http, "group", out var groupText) is { } g1)
        {
            return g1;
        }

        var group = UsageGroup.Day;
        if (groupText is not null && !TryGroup(groupText, out group))
        {
            return QueryParameters.Refuse(http, "group", $"Query parameter 'group' must be one of {string.Join(", ", Groups)}.");
        }

        if (QueryParameters.Single(http, "to", out var toText) is { } t1)
        {
            return t1;
        }

        if (QueryParameters.Single(http, "from", out var fromText) is { } f1)
        {
            return f1;
        }

        DateTimeOffset to = now;
        if (toText is not null && !QueryParameters.TryTime(toText, endOfDay: true, out to))
        {
            return QueryParameters.Refuse(http, "to", "Query parameter 'to' must be a date (2026-12-01) or a time with its offset (2026-12-01T15:00:00Z).");
        }

        DateTimeOffset from = new DateTimeOffset(to.UtcDateTime.Date, TimeSpan.Zero).AddDays(-(DefaultDays - 1));
        if (fromText is not null && !QueryParameters.TryTime(fromText, endOfDay: false, out from))
        {
            return QueryParameters.Refuse(http, "from", "Query parameter 'from' must be a date (2026-12-01) or a time with its offset (2026-12-01T00:00:00Z).");
        }

        if (from >= to)
        {
            return QueryParameters.Refuse(http, fromText is null ? "to" : "from", $"The range is empty: 'from' ({from:O}) must be before 'to' ({to:O}).");
        }

        if (QueryParameters.Single(http, "limit", out var limitText) is { } l1)
        {
            return l1;
        }

        var limit = 1000;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return QueryParameters.Refuse(http, "limit", $"Query parameter 'limit' must be a whole number from 1 to {MaxLimit}.");
        }

        var rows = await report.QueryAsync(tenant.Id, from, to, group, limit + 1, cancellationToken);
        var total = await report.TotalAsync(tenant.Id, from, to, cancellationToken);
        return TypedResults.Ok(new UsageReport(
            from,
            to,
            Groups[(int)group],
            "USD",
            [.. rows.Take(limit).Select(UsageLine.From)],
            UsageLine.From(total),
            rows.Count > limit));
    }

    private static bool TryGroup(string text, out UsageGroup group)
    {
        var index = Array.FindIndex(Groups, g => string.Equals(g, text, StringComparison.OrdinalIgnoreCase));
        group = index < 0 ? UsageGroup.Day : (UsageGroup)index;
        return index >= 0;
    }
}

/// <summary>The usage document: the range, the grouping, one line per group and the total.</summary>
public sealed record UsageReport(DateTimeOffset From, DateTimeOffset To, string Group, string Currency, IReadOnlyList<UsageLine> Rows, UsageLine Total, bool Truncated);

/// <summary>One group's calls, tokens and cost.</summary>
public sealed record UsageLine(string? Key, long Calls, long InputTokens, long OutputTokens, decimal CostUsd)
{
    public static UsageLine From(UsageRow row) => new(row.Key, row.Calls, row.InputTokens, row.OutputTokens, row.Cost);
}
