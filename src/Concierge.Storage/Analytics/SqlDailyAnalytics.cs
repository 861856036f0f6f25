using System.Globalization;
using Dapper;

namespace Concierge.Storage.Analytics;

/// <summary>
/// The operators' daily figures: turns by source and crisis detections from the stored domain
/// events (through ix_events_tenant_name_created: the tenant, the two names, the time range), and
/// the rate-limit rejections the limiter counted (rate_limit_rejections, one row per tenant and UTC day).
/// </summary>
public sealed class SqlDailyAnalytics(Database database)
{
    /// <summary>
    /// The tenant's <c>turn_completed</c> (by source) and <c>crisis_detected</c> events per UTC day in
    /// [<paramref name="from"/>, <paramref name="to"/>); with <paramref name="agentKey"/>, only those
    /// of that agent (the key the event names: events written before it did are not counted).
    /// </summary>
    public async Task<IReadOnlyList<DailyEventCount>> EventsAsync(Guid tenantId, string? agentKey, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var sqlite = database.Provider == DatabaseProvider.Sqlite;
        // SQLite keeps times as fixed-width UTC text: its first ten characters are the UTC day.
        var day = sqlite ? "substr(created_at, 1, 10)" : "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
        var source = sqlite ? "json_extract(data, '$.source')" : "data->>'source'";
        var agent = sqlite ? "json_extract(data, '$.agent')" : "data->>'agent'";
        var sql = $"SELECT {day} AS day, name, {source} AS source, COUNT(*) AS n FROM events "
            + "WHERE tenant_id = @tenantId AND name IN ('turn_completed', 'crisis_detected') AND created_at >= @from AND created_at < @to"
            + (agentKey is null ? string.Empty : $" AND {agent} = @agentKey")
            + $" GROUP BY {day}, name, {source}";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            sql,
            new { tenantId = database.Id(tenantId), from = database.Time(from), to = database.Time(to), agentKey },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new DailyEventCount(ParseDay(r.String("day")), r.String("name"), r.StringOrNull("source"), r.Long("n")))];
    }

    /// <summary>The tenant's rate-limit rejections per UTC day from <paramref name="from"/> to <paramref name="to"/>, both included; days without any are absent.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, long>> RateLimitRejectionsAsync(Guid tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var sqlite = database.Provider == DatabaseProvider.Sqlite;
        var sql = sqlite
            ? "SELECT day, rejections FROM rate_limit_rejections WHERE tenant_id = @tenantId AND day >= @from AND day <= @to"
            : "SELECT to_char(day, 'YYYY-MM-DD') AS day, rejections FROM rate_limit_rejections WHERE tenant_id = @tenantId AND day >= CAST(@from AS date) AND day <= CAST(@to AS date)";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            sql,
            new { tenantId = database.Id(tenantId), from = Day(from), to = Day(to) },
            cancellationToken: cancellationToken));
        return rows.ToDictionary(r => ParseDay(r.String("day")), r => r.Long("rejections"));
    }

    /// <summary>
    /// Adds the counts to their tenant's day (an upsert), in one transaction. A tenant deleted since
    /// its calls were refused is skipped: its rows would go with it anyway.
    /// </summary>
    public Task AddRateLimitRejectionsAsync(IReadOnlyList<DailyRejections> counts, CancellationToken cancellationToken)
    {
        if (counts.Count == 0)
        {
            return Task.CompletedTask;
        }

        var day = database.Provider == DatabaseProvider.Sqlite ? "@day" : "CAST(@day AS date)";
        var sql = $"INSERT INTO rate_limit_rejections (tenant_id, day, rejections) SELECT @tenantId, {day}, @count "
            + "WHERE EXISTS (SELECT 1 FROM tenants WHERE id = @tenantId) "
            + "ON CONFLICT (tenant_id, day) DO UPDATE SET rejections = rate_limit_rejections.rejections + excluded.rejections";
        var rows = counts.Select(c => new { tenantId = database.Id(c.TenantId), day = Day(c.Day), count = c.Count }).ToList();
        return database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>How many events of <paramref name="Name"/> (and, for a turn, of <paramref name="Source"/>) the day has.</summary>
public sealed record DailyEventCount(DateOnly Day, string Name, string? Source, long Count);

/// <summary>Rate-limit rejections of a tenant on a UTC day, to be added to its stored count.</summary>
public sealed record DailyRejections(Guid TenantId, DateOnly Day, long Count);
