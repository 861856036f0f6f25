using Concierge.Costs;
using Dapper;

namespace Concierge.Storage.Costs;

/// <summary><see cref="IUsageReport"/> over <c>model_usage</c>, the same SQL on SQLite and PostgreSQL.</summary>
public sealed class SqlUsageReport(Database database) : IUsageReport
{
    private const string Sums =
        "COUNT(*) AS calls, COALESCE(SUM(u.input_tokens), 0) AS input_tokens, COALESCE(SUM(u.output_tokens), 0) AS output_tokens, "
        + "COALESCE(SUM(u.cost), 0) AS cost";

    private const string Range = "u.tenant_id = @tenantId AND u.started_at >= @from AND u.started_at < @to";

    public async Task<IReadOnlyList<UsageRow>> QueryAsync(
        Guid tenantId, DateTimeOffset from, DateTimeOffset to, UsageGroup group, int limit, CancellationToken cancellationToken)
    {
        var (key, join, groupBy, order) = group switch
        {
            UsageGroup.Day => ("u.day", string.Empty, "u.day", "u.day"),
            // The agent's key, as operators name it; an agent deleted since keeps its id's spend under a null key.
            UsageGroup.Agent => ("a.key", "LEFT JOIN agents a ON a.id = u.agent_id", "u.agent_id, a.key", "cost DESC, a.key"),
            UsageGroup.Session => (Text("u.session_id"), string.Empty, "u.session_id", "cost DESC, u.session_id"),
            UsageGroup.Model => ("u.model", string.Empty, "u.model", "cost DESC, u.model"),
            _ => ("u.customer_id", string.Empty, "u.customer_id", "cost DESC, u.customer_id"),
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {key} AS usage_key, {Sums} FROM model_usage u {join} WHERE {Range} GROUP BY {groupBy} ORDER BY {order} LIMIT @limit",
            new { tenantId = database.Id(tenantId), from = database.Time(from), to = database.Time(to), limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => Read(r, r.StringOrNull("usage_key")))];
    }

    public async Task<UsageRow> TotalAsync(Guid tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {Sums} FROM model_usage u WHERE {Range}",
            new { tenantId = database.Id(tenantId), from = database.Time(from), to = database.Time(to) },
            cancellationToken: cancellationToken));
        return Read(row ?? throw new InvalidOperationException("An aggregate returned no row."), null);
    }

    private string Text(string column) => database.Provider == DatabaseProvider.Postgres ? $"{column}::text" : column;

    private static UsageRow Read(Row r, string? key) =>
        new(key, r.Long("calls"), r.Long("input_tokens"), r.Long("output_tokens"), decimal.Round(r.DecimalOrNull("cost") ?? 0m, 8));
}
