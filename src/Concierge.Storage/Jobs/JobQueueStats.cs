using Concierge.Jobs;
using Dapper;

namespace Concierge.Storage.Jobs;

/// <summary>
/// Counts the jobs table by kind and state, and the age of each kind's oldest due queued job, for
/// the <c>concierge.jobs</c> and <c>concierge.jobs.queue.lag</c> gauges. Across tenants: these are
/// the operator's numbers, never shown to a tenant.
/// </summary>
public sealed class JobQueueStats(Database database, TimeProvider clock)
{
    public async Task<JobTelemetry.QueueSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            "SELECT kind, state, COUNT(*) AS n, MIN(CASE WHEN state = 'queued' AND run_at <= @now THEN run_at END) AS oldest "
            + "FROM jobs GROUP BY kind, state",
            new { now = database.Time(now) },
            cancellationToken: cancellationToken));
        var counts = new List<JobTelemetry.QueueCount>(rows.Count);
        var lags = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var kind = row.String("kind");
            counts.Add(new JobTelemetry.QueueCount(kind, row.String("state"), row.Long("n")));
            var lag = row.TimeOrNull("oldest") is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0;
            lags[kind] = Math.Max(lags.GetValueOrDefault(kind), lag);
        }

        return new JobTelemetry.QueueSnapshot(counts, [.. lags.Select(l => new JobTelemetry.QueueLagByKind(l.Key, l.Value))]);
    }
}
