using Concierge.Jobs;
using Concierge.Lifecycle;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Concierge.Storage.Lifecycle;

/// <summary>
/// The recurring <see cref="RetentionOptions.MessagesKind"/> job: deletes messages older than
/// <c>RETENTION_DAYS</c> and empties the request and response payloads of model calls as old (their
/// tokens, cost and outcome stay, so the cost reports still add up). In batches, each its own short
/// transaction, so the turns writing meanwhile wait for one batch at most.
/// </summary>
public sealed class MessageRetentionSweep(Database database, RetentionOptions options, TimeProvider clock, ILogger<MessageRetentionSweep> logger) : IJobHandler
{
    public const int Batch = 500;

    public string Kind => RetentionOptions.MessagesKind;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        if (options.Days is not { } days)
        {
            return;
        }

        var cutoff = database.Time(clock.GetUtcNow().AddDays(-days));
        var messages = await RetentionBatches.DeleteAsync(database, new RetainedTable("messages", "created_at"), cutoff, Batch, cancellationToken);
        var emptied = database.Provider == DatabaseProvider.Postgres ? "'{}'::jsonb" : "'{}'";
        var payloads = await RetentionBatches.RepeatAsync(
            database,
            $"UPDATE model_calls SET request_payload = {emptied}, response_payload = NULL WHERE id IN "
            + $"(SELECT id FROM model_calls WHERE started_at < @cutoff AND (response_payload IS NOT NULL OR request_payload <> {emptied}) LIMIT {Batch})",
            cutoff,
            Batch,
            cancellationToken);
        logger.LogInformation("Retention of {Days} days: deleted {Messages} messages, emptied {Payloads} model-call payloads", days, messages, payloads);
    }
}

/// <summary>
/// The recurring <see cref="RetentionOptions.AnalyticsKind"/> job: deletes the rows of every
/// <see cref="RetainedTable"/> (the core's events and usage ledger, and whatever features register)
/// older than <c>ANALYTICS_RETENTION_DAYS</c>.
/// </summary>
public sealed class AnalyticsRetentionSweep(
    Database database, RetentionOptions options, IEnumerable<RetainedTable> tables, TimeProvider clock, ILogger<AnalyticsRetentionSweep> logger) : IJobHandler
{
    public string Kind => RetentionOptions.AnalyticsKind;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        if (options.AnalyticsDays is not { } days)
        {
            return;
        }

        var cutoff = database.Time(clock.GetUtcNow().AddDays(-days));
        foreach (var table in tables.DistinctBy(t => t.Table))
        {
            var deleted = await RetentionBatches.DeleteAsync(database, table, cutoff, MessageRetentionSweep.Batch, cancellationToken);
            logger.LogInformation("Analytics retention of {Days} days: deleted {Count} rows of {Table}", days, deleted, table.Table);
        }
    }
}

internal static class RetentionBatches
{
    public static Task<int> DeleteAsync(Database database, RetainedTable table, object cutoff, int batch, CancellationToken cancellationToken) =>
        RepeatAsync(
            database,
            $"DELETE FROM {table.Table} WHERE {table.KeyColumn} IN (SELECT {table.KeyColumn} FROM {table.Table} WHERE {table.TimeColumn} < @cutoff LIMIT {batch})",
            cutoff,
            batch,
            cancellationToken);

    /// <summary>Runs <paramref name="sql"/> (which touches at most <paramref name="batch"/> rows) until a run touches fewer.</summary>
    public static async Task<int> RepeatAsync(Database database, string sql, object cutoff, int batch, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var touched = await database.WriteAsync(
                (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(sql, new { cutoff }, transaction, cancellationToken: cancellationToken)),
                cancellationToken);
            total += touched;
            if (touched < batch)
            {
                return total;
            }
        }
    }
}
