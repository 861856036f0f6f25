using System.Globalization;
using Concierge.Costs;
using Concierge.Server.Accounts;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Server.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

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

    public static readonly Problem InvalidQuery = new(StatusCodes.Status422UnprocessableEntity, "invalid_query", "A query parameter has a value the route cannot use.");

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
        if (Single(http, "group", out var groupText) is { } g1)
        {
            return g1;
        }

        var group = UsageGroup.Day;
        if (groupText is not null && !TryGroup(groupText, out group))
        {
            return Refuse(http, "group", $"Query parameter 'group' must be one of {string.Join(", ", Groups)}.");
        }

        if (Single(http, "to", out var toText) is { } t1)
        {
            return t1;
        }

        if (Single(http, "from", out var fromText) is { } f1)
        {
            return f1;
        }

        DateTimeOffset to = now;
        if (toText is not null && !TryTime(toText, endOfDay: true, out to))
        {
            return Refuse(http, "to", "Query parameter 'to' must be a date (2026-12-01) or a time with its offset (2026-12-01T15:00:00Z).");
        }

        DateTimeOffset from = new DateTimeOffset(to.UtcDateTime.Date, TimeSpan.Zero).AddDays(-(DefaultDays - 1));
        if (fromText is not null && !TryTime(fromText, endOfDay: false, out from))
        {
            return Refuse(http, "from", "Query parameter 'from' must be a date (2026-12-01) or a time with its offset (2026-12-01T00:00:00Z).");
        }

        if (from >= to)
        {
            return Refuse(http, fromText is null ? "to" : "from", $"The range is empty: 'from' ({from:O}) must be before 'to' ({to:O}).");
        }

        if (Single(http, "limit", out var limitText) is { } l1)
        {
            return l1;
        }

        var limit = 1000;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return Refuse(http, "limit", $"Query parameter 'limit' must be a whole number from 1 to {MaxLimit}.");
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

    /// <summary>A repeated parameter is refused rather than one of its values picked.</summary>
    private static ProblemHttpResult? Single(HttpContext http, string name, out string? value)
    {
        value = null;
        var values = http.Request.Query.TryGetValue(name, out StringValues given) ? given : StringValues.Empty;
        if (values.Count > 1)
        {
            return Refuse(http, name, $"Query parameter '{name}' is given more than once.");
        }

        if (values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            return null;
        }

        value = values[0]!.Trim();
        return null;
    }

    private static bool TryGroup(string text, out UsageGroup group)
    {
        var index = Array.FindIndex(Groups, g => string.Equals(g, text, StringComparison.OrdinalIgnoreCase));
        group = index < 0 ? UsageGroup.Day : (UsageGroup)index;
        return index >= 0;
    }

    /// <summary>A date (a whole UTC day: its start, or with <paramref name="endOfDay"/> the next day's start) or a time with an offset.</summary>
    internal static bool TryTime(string text, bool endOfDay, out DateTimeOffset time)
    {
        time = default;
        if (text.Length > 40)
        {
            return false;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (endOfDay && date == DateOnly.MaxValue)
            {
                return false;
            }

            time = new DateTimeOffset((endOfDay ? date.AddDays(1) : date).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        // A time must say its offset (Z or +hh:mm): a bare local time would mean a different instant on every server.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':');
        if (!hasOffset || !text.Contains('T', StringComparison.OrdinalIgnoreCase)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out time))
        {
            return false;
        }

        time = time.ToUniversalTime();
        return true;
    }

    private static ProblemHttpResult Refuse(HttpContext http, string field, string detail)
    {
        var details = ProblemWriter.Create(http, InvalidQuery, detail, field);
        return TypedResults.Problem(details);
    }
}

/// <summary>The usage document: the range, the grouping, one line per group and the total.</summary>
public sealed record UsageReport(DateTimeOffset From, DateTimeOffset To, string Group, string Currency, IReadOnlyList<UsageLine> Rows, UsageLine Total, bool Truncated);

/// <summary>One group's calls, tokens and cost.</summary>
public sealed record UsageLine(string? Key, long Calls, long InputTokens, long OutputTokens, decimal CostUsd)
{
    public static UsageLine From(UsageRow row) => new(row.Key, row.Calls, row.InputTokens, row.OutputTokens, row.Cost);
}
