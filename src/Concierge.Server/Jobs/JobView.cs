using Concierge.Jobs;

namespace Concierge.Server.Jobs;

/// <summary>A job as operators see it (snake_case on the wire). The payload is left out: it may hold customers' data.</summary>
public sealed record JobView(
    Guid Id,
    string Kind,
    string State,
    int Attempts,
    int MaxAttempts,
    DateTimeOffset RunAt,
    string? LastError,
    Guid? SessionId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt)
{
    public static JobView From(Job job) => new(
        job.Id, job.Kind, job.State.ToWire(), job.Attempts, job.MaxAttempts, job.RunAt, job.LastError, job.SessionId, job.CreatedAt, job.UpdatedAt, job.FinishedAt);
}
