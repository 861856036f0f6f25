using System.Diagnostics;
using Concierge.Jobs;

namespace Concierge.Storage.Jobs;

/// <summary>
/// The jobs table's rows as the turn's commit writes them: the inserts join the turn's
/// <see cref="SqlBatch"/>, so the jobs commit (or roll back) with its messages and state. A job
/// whose dedup key is already taken for the tenant and kind is skipped, not an error.
/// </summary>
internal static class JobRows
{
    /// <summary>
    /// The payload key that carries the enqueuing trace's traceparent (no column needed): written
    /// when a trace is active, taken out again when the row is read, so handlers never see it.
    /// </summary>
    public const string TraceKey = "_traceparent";

    public const string Columns =
        "id, tenant_id, kind, payload, state, attempts, max_attempts, run_at, dedup_key, session_id, "
        + "claimed_by, claim_until, last_error, created_at, updated_at, finished_at";

    private static readonly string[] InsertColumns =
        ["id", "tenant_id", "kind", "payload", "state", "attempts", "max_attempts", "run_at", "dedup_key", "session_id", "created_at", "updated_at"];

    /// <summary>Adds the inserts of <paramref name="jobs"/> to <paramref name="batch"/>; an empty list adds nothing.</summary>
    public static SqlBatch Append(SqlBatch batch, Database db, Guid tenantId, IReadOnlyList<JobRequest> jobs, DateTimeOffset now) =>
        Append(batch, db, tenantId, jobs, now, JobRetryPolicy.DefaultMaxAttempts, out _);

    /// <summary>As <see cref="Append(SqlBatch, Database, Guid, IReadOnlyList{JobRequest}, DateTimeOffset)"/>, giving the ids the rows will have.</summary>
    public static SqlBatch Append(
        SqlBatch batch, Database db, Guid tenantId, IReadOnlyList<JobRequest> jobs, DateTimeOffset now, int maxAttempts, out IReadOnlyList<Guid> ids)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        var created = new List<Guid>(jobs.Count);
        var rows = new List<object?[]>(jobs.Count);
        var traceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;
        foreach (var job in jobs)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(job.Kind);
            var id = Guid.CreateVersion7(now);
            created.Add(id);
            rows.Add(
            [
                db.Id(id), db.Id(tenantId), job.Kind, PayloadJson(job.Payload, traceParent), JobStates.Queued, 0, maxAttempts,
                db.Time(job.RunAt ?? now), job.DedupKey, db.Id(job.SessionId), db.Time(now), db.Time(now),
            ]);
        }

        ids = created;
        return batch.InsertIgnoringConflicts("jobs", InsertColumns, rows, "payload");
    }

    public static Job Read(Row r)
    {
        var payload = r.ObjectOrNull("payload") ?? [];
        var traceParent = payload.Remove(TraceKey, out var trace) ? trace?.GetValue<string>() : null;
        return Read(r, payload) with { TraceParent = traceParent };
    }

    private static string PayloadJson(System.Text.Json.Nodes.JsonObject payload, string? traceParent)
    {
        var json = payload.ToJsonString();
        if (traceParent is null || payload.ContainsKey(TraceKey))
        {
            return json;
        }

        // The object's closing brace gives way to one more member.
        var member = $"\"{TraceKey}\":\"{traceParent}\"}}";
        return payload.Count == 0 ? "{" + member : json[..^1] + "," + member;
    }

    private static Job Read(Row r, System.Text.Json.Nodes.JsonObject payload) => new()
    {
        Id = r.Guid("id"),
        TenantId = r.Guid("tenant_id"),
        Kind = r.String("kind"),
        Payload = payload,
        State = JobStates.Parse(r.String("state")),
        Attempts = r.Int("attempts"),
        MaxAttempts = r.Int("max_attempts"),
        RunAt = r.Time("run_at"),
        DedupKey = r.StringOrNull("dedup_key"),
        SessionId = r.GuidOrNull("session_id"),
        ClaimedBy = r.StringOrNull("claimed_by"),
        ClaimUntil = r.TimeOrNull("claim_until"),
        LastError = r.StringOrNull("last_error"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
        FinishedAt = r.TimeOrNull("finished_at"),
    };
}
