namespace Concierge.Streams;

/// <summary>
/// Where the events of streamed turns are kept for a while after the turn, so that a client that
/// lost its connection (to this process or any other of the deployment) can resume with the id of
/// the last event it saw. Events are stored as the wire shows them: an optional event name and
/// the JSON data. Writers append in batches; readers poll.
/// </summary>
public interface ITurnStreamStore
{
    /// <summary>Writes the batches in one transaction: new streams, their new events, their new status.</summary>
    Task WriteAsync(IReadOnlyList<TurnStreamWrite> writes, CancellationToken cancellationToken);

    /// <summary>The stream with this id of the tenant, or null.</summary>
    Task<TurnStreamInfo?> FindAsync(Guid tenantId, Guid streamId, CancellationToken cancellationToken);

    /// <summary>The newest stream of a session, or null.</summary>
    Task<TurnStreamInfo?> LatestAsync(Guid tenantId, Guid sessionId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> events after <paramref name="afterSeq"/>, in order.</summary>
    Task<IReadOnlyList<TurnStreamEvent>> ReadAsync(Guid streamId, int afterSeq, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes streams (and their events) that expired before <paramref name="now"/>; returns how many streams.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

public enum TurnStreamStatus
{
    Running,
    Done,
    Failed,
}

/// <summary>One event of a turn's stream: its number in the stream (1, 2, ...), SSE event name (null: data-only) and JSON data.</summary>
public sealed record TurnStreamEvent(int Seq, string? Name, string Data);

/// <summary>A stream as stored: whose it is, how far it got, whether it ended, and until when it is kept.</summary>
public sealed record TurnStreamInfo(
    Guid Id, Guid TenantId, Guid SessionId, TurnStreamStatus Status, int LastSeq, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// What one flush writes for one stream: <paramref name="Create"/> on its first flush, the events
/// not written yet, and its status and expiry as they are now.
/// </summary>
public sealed record TurnStreamWrite(TurnStreamInfo Stream, bool Create, IReadOnlyList<TurnStreamEvent> Events);
