namespace Concierge.Jobs;

/// <summary>
/// The durable job queue. Operators' calls name the tenant, so another tenant's job is "not
/// found"; the worker's calls (claim, complete, fail, release) act across tenants and name the
/// claiming worker, so a worker whose claim expired and was taken over cannot overwrite the result.
/// A turn enqueues through its own transaction instead (Concierge.Storage.Jobs.JobRows).
/// </summary>
public interface IJobStore
{
    /// <summary>
    /// Enqueues one job on its own (an operator's action, a recurring schedule), with up to
    /// <paramref name="maxAttempts"/> runs (<see cref="JobRetryPolicy.DefaultMaxAttempts"/> is the
    /// usual); null when its dedup key is already taken for the tenant and kind.
    /// </summary>
    Task<Guid?> EnqueueAsync(Guid tenantId, JobRequest job, int maxAttempts, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due jobs (queued with run_at passed, or running
    /// with an expired claim) for <paramref name="claimDuration"/>, oldest run_at first, counting an attempt each.
    /// </summary>
    Task<IReadOnlyList<Job>> ClaimAsync(string workerId, int batchSize, TimeSpan claimDuration, CancellationToken cancellationToken);

    /// <summary>Marks a claimed job done; false when the claim is no longer this worker's.</summary>
    Task<bool> CompleteAsync(Guid jobId, string workerId, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt: queued again at <paramref name="retryAt"/>, or dead when it is null.</summary>
    Task<bool> FailAsync(Guid jobId, string workerId, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>Gives a claimed job back unrun (the process is stopping): queued, due now, its attempt not counted.</summary>
    Task<bool> ReleaseAsync(Guid jobId, string workerId, CancellationToken cancellationToken);

    /// <summary>A page of the tenant's jobs in id (creation) order after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<Job>> ListAsync(Guid tenantId, JobState? state, string? kind, Guid? after, int limit, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> jobs the session asked for (its turns' jobs), in creation order.</summary>
    Task<IReadOnlyList<Job>> ListForSessionAsync(Guid tenantId, Guid sessionId, int limit, CancellationToken cancellationToken);

    Task<Job?> FindAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken);

    /// <summary>Puts a dead job back in the queue, due now, with fresh attempts; null when it is not dead (or not the tenant's).</summary>
    Task<Job?> RetryAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken);

    /// <summary>Cancels the queued job with this kind and dedup key (a follow-up no longer wanted); false when there is none.</summary>
    Task<bool> CancelAsync(Guid tenantId, string kind, string dedupKey, CancellationToken cancellationToken);

    /// <summary>Moves the queued (or cancelled) job with this kind and dedup key to <paramref name="runAt"/>, queued; false when there is none.</summary>
    Task<bool> RescheduleAsync(Guid tenantId, string kind, string dedupKey, DateTimeOffset runAt, CancellationToken cancellationToken);

    /// <summary>Deletes done and cancelled jobs finished before <paramref name="before"/> (housekeeping, across tenants); returns how many.</summary>
    Task<int> DeleteFinishedAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
