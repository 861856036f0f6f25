using System.Text.Json.Nodes;

namespace Concierge.Jobs;

/// <summary>A job as stored: what was asked for, and what has happened to it so far.</summary>
public sealed record Job
{
    public required Guid Id { get; init; }

    public required Guid TenantId { get; init; }

    public required string Kind { get; init; }

    public required JsonObject Payload { get; init; }

    public required JobState State { get; init; }

    /// <summary>Runs started so far, counted when a worker claims the job (a released claim gives its attempt back).</summary>
    public required int Attempts { get; init; }

    public required int MaxAttempts { get; init; }

    public required DateTimeOffset RunAt { get; init; }

    public string? DedupKey { get; init; }

    public Guid? SessionId { get; init; }

    public string? ClaimedBy { get; init; }

    public DateTimeOffset? ClaimUntil { get; init; }

    public string? LastError { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The W3C trace context (traceparent) of whatever enqueued the job, so its run links to that trace; null when none was active.</summary>
    public string? TraceParent { get; init; }
}
