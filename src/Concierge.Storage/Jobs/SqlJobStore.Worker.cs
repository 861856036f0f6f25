using Concierge.Jobs;
using Dapper;

namespace Concierge.Storage.Jobs;

/// <summary>
/// The worker's side of <see cref="SqlJobStore"/>: claim, complete, fail, release. These act across
/// tenants (a worker serves them all) and only touch a job still claimed by the calling worker.
/// </summary>
public sealed partial class SqlJobStore
{
    private const string Due = "(state = 'queued' AND run_at <= @now) OR (state = 'running' AND claim_until < @now)";

    private readonly string _claim;

    public async Task<IReadOnlyList<Job>> ClaimAsync(string workerId, int batchSize, TimeSpan claimDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var now = _clock.GetUtcNow();

        // An idle queue is the common case: a read finds that out without taking SQLite's write
        // lock (which the turns' commits queue for) or writing anything, once per poll.
        await using (var connection = await _db.OpenAsync(cancellationToken))
        {
            var due = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT COUNT(*) FROM (SELECT 1 FROM jobs WHERE {Due} LIMIT 1) AS due", new { now = _db.Time(now) }, cancellationToken: cancellationToken));
            if (due == 0)
            {
                return [];
            }
        }

        var rows = await _db.WriteStatementAsync(
            connection => connection.QueryRowsAsync(new CommandDefinition(
                _claim,
                new { worker = workerId, until = _db.Time(now + claimDuration), now = _db.Time(now), batch = batchSize },
                cancellationToken: cancellationToken)),
            cancellationToken);

        // RETURNING gives no order; the worker starts the longest-waiting first.
        return rows.Select(JobRows.Read).OrderBy(j => j.RunAt).ThenBy(j => j.Id).ToList();
    }

    public async Task<bool> CompleteAsync(Guid jobId, string workerId, CancellationToken cancellationToken) =>
        await ClaimedAsync("state = 'done', claim_until = NULL, finished_at = @now", jobId, workerId, null, cancellationToken) > 0;

    public async Task<bool> FailAsync(Guid jobId, string workerId, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { error });
        if (retryAt is { } at)
        {
            parameters.Add("runAt", _db.Time(at));
        }

        // Two statements rather than a CASE on a null parameter, which PostgreSQL cannot type.
        var set = retryAt is null
            ? "state = 'dead', claim_until = NULL, last_error = @error, finished_at = @now"
            : "state = 'queued', claimed_by = NULL, claim_until = NULL, last_error = @error, run_at = @runAt";
        return await ClaimedAsync(set, jobId, workerId, parameters, cancellationToken) > 0;
    }

    public async Task<bool> ReleaseAsync(Guid jobId, string workerId, CancellationToken cancellationToken) =>
        // The run was interrupted, not failed: its attempt is given back, and it is due at once.
        await ClaimedAsync(
            "state = 'queued', claimed_by = NULL, claim_until = NULL, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, run_at = @now",
            jobId, workerId, null, cancellationToken) > 0;

    /// <summary>
    /// PostgreSQL: several processes claim at once, each skipping rows another is claiming (SKIP
    /// LOCKED), so none waits and none takes the same job; a row another claim committed meanwhile is
    /// re-checked against the filter before it is updated. SQLite: one writer per file at a time
    /// (the write lock taken by the statement, and this process's writer gate), so the plain
    /// UPDATE ... RETURNING is the claim.
    /// </summary>
    private static string ClaimSql(DatabaseProvider provider) =>
        "UPDATE jobs SET state = 'running', claimed_by = @worker, claim_until = @until, attempts = attempts + 1, updated_at = @now "
        + $"WHERE id IN (SELECT id FROM jobs WHERE {Due} ORDER BY run_at LIMIT @batch"
        + (provider == DatabaseProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : string.Empty)
        + $") RETURNING {JobRows.Columns}";

    private Task<int> ClaimedAsync(string set, Guid jobId, string workerId, DynamicParameters? parameters, CancellationToken cancellationToken)
    {
        parameters ??= new DynamicParameters();
        parameters.Add("now", _db.Time(_clock.GetUtcNow()));
        parameters.Add("id", _db.Id(jobId));
        parameters.Add("worker", workerId);
        return _db.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE jobs SET {set}, updated_at = @now WHERE id = @id AND state = 'running' AND claimed_by = @worker",
                parameters,
                cancellationToken: cancellationToken)),
            cancellationToken);
    }
}
