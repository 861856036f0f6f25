using Concierge.Jobs;
using Dapper;

namespace Concierge.Storage.Jobs;

/// <summary>
/// <see cref="IJobStore"/> over the jobs table, the same statements for SQLite and PostgreSQL
/// except the claim (see SqlJobStore.Worker.cs). This half is the operators' side: enqueue,
/// list, find, retry, cancel, reschedule. Every statement here names the tenant.
/// </summary>
public sealed partial class SqlJobStore : IJobStore
{
    private readonly Database _db;
    private readonly TimeProvider _clock;

    public SqlJobStore(Database database, TimeProvider clock)
    {
        _db = database;
        _clock = clock;
        _claim = ClaimSql(database.Provider);
    }

    public Task<Guid?> EnqueueAsync(Guid tenantId, JobRequest job, int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = _clock.GetUtcNow();
        return _db.WriteAsync<Guid?>(
            async (connection, transaction) =>
            {
                await JobRows.Append(new SqlBatch(_db), _db, tenantId, [job], now, maxAttempts, out var ids)
                    .ExecuteAsync(connection, transaction, cancellationToken);

                // The insert skips a taken dedup key silently; whether the row is there says which happened.
                var inserted = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM jobs WHERE id = @id", new { id = _db.Id(ids[0]) }, transaction, cancellationToken: cancellationToken));
                return inserted > 0 ? ids[0] : null;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<Job>> ListAsync(Guid tenantId, JobState? state, string? kind, Guid? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var parameters = new DynamicParameters(new { tenantId = _db.Id(tenantId), limit });
        var sql = $"SELECT {JobRows.Columns} FROM jobs WHERE tenant_id = @tenantId";
        if (state is { } s)
        {
            sql += " AND state = @state";
            parameters.Add("state", s.ToWire());
        }

        if (kind is not null)
        {
            sql += " AND kind = @kind";
            parameters.Add("kind", kind);
        }

        if (after is { } a)
        {
            // Ids are version-7 guids: their order (as uuid, and as SQLite's lower-case text) is creation order.
            sql += " AND id > @after";
            parameters.Add("after", _db.Id(a));
        }

        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(sql + " ORDER BY id LIMIT @limit", parameters, cancellationToken: cancellationToken));
        return rows.Select(JobRows.Read).ToList();
    }

    public async Task<IReadOnlyList<Job>> ListForSessionAsync(Guid tenantId, Guid sessionId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        // ix_jobs_session (tenant_id, session_id); the newest first for the limit, then oldest first.
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {JobRows.Columns} FROM jobs WHERE tenant_id = @tenantId AND session_id = @sessionId ORDER BY id DESC LIMIT @limit",
            new { tenantId = _db.Id(tenantId), sessionId = _db.Id(sessionId), limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(JobRows.Read).Reverse()];
    }

    public async Task<Job?> FindAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {JobRows.Columns} FROM jobs WHERE tenant_id = @tenantId AND id = @id",
            new { tenantId = _db.Id(tenantId), id = _db.Id(jobId) },
            cancellationToken: cancellationToken));
        return row is { } r ? JobRows.Read(r) : null;
    }

    public async Task<Job?> RetryAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        // Fresh attempts, due now; the last error stays, so the operator still sees why it died.
        var row = await _db.WriteStatementAsync(
            connection => connection.QueryRowAsync(new CommandDefinition(
                "UPDATE jobs SET state = 'queued', attempts = 0, run_at = @now, claimed_by = NULL, claim_until = NULL, finished_at = NULL, "
                + $"updated_at = @now WHERE tenant_id = @tenantId AND id = @id AND state = 'dead' RETURNING {JobRows.Columns}",
                new { now = _db.Time(_clock.GetUtcNow()), tenantId = _db.Id(tenantId), id = _db.Id(jobId) },
                cancellationToken: cancellationToken)),
            cancellationToken);
        return row is { } r ? JobRows.Read(r) : null;
    }

    public async Task<bool> CancelAsync(Guid tenantId, string kind, string dedupKey, CancellationToken cancellationToken) =>
        await ByDedupKeyAsync(
            "UPDATE jobs SET state = 'cancelled', finished_at = @now, updated_at = @now WHERE state = 'queued' AND ",
            tenantId, kind, dedupKey, null, cancellationToken) > 0;

    public async Task<bool> RescheduleAsync(Guid tenantId, string kind, string dedupKey, DateTimeOffset runAt, CancellationToken cancellationToken) =>
        await ByDedupKeyAsync(
            "UPDATE jobs SET state = 'queued', run_at = @runAt, finished_at = NULL, updated_at = @now WHERE state IN ('queued', 'cancelled') AND ",
            tenantId, kind, dedupKey, runAt, cancellationToken) > 0;

    public Task<int> DeleteFinishedAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        _db.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM jobs WHERE state IN ('done', 'cancelled') AND finished_at < @before",
                new { before = _db.Time(before) },
                cancellationToken: cancellationToken)),
            cancellationToken);

    private Task<int> ByDedupKeyAsync(string update, Guid tenantId, string kind, string dedupKey, DateTimeOffset? runAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(dedupKey);
        var parameters = new DynamicParameters(new { now = _db.Time(_clock.GetUtcNow()), tenantId = _db.Id(tenantId), kind, dedupKey });
        if (runAt is { } at)
        {
            parameters.Add("runAt", _db.Time(at));
        }

        return _db.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                update + "tenant_id = @tenantId AND kind = @kind AND dedup_key = @dedupKey", parameters, cancellationToken: cancellationToken)),
            cancellationToken);
    }
}
