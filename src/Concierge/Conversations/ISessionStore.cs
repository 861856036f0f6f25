using Concierge.Jobs;
using Concierge.Models;

namespace Concierge.Conversations;

/// <summary>
/// Where sessions live. Every method is scoped by tenant: a session of another tenant is
/// reported as not found, exactly like one that never existed.
/// </summary>
public interface ISessionStore
{
    /// <summary>Inserts a new session (with its <see cref="DomainEvent"/>s) and returns it as stored.</summary>
    Task<Session> CreateAsync(Session session, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken);

    /// <summary>The session, expired or not, or null when the tenant has no such session.</summary>
    Task<Session?> FindAsync(Guid tenantId, Guid sessionId, CancellationToken cancellationToken);

    /// <summary>Finds the customer's continuing session with the agent, or null.</summary>
    Task<Session?> FindByCustomerAsync(Guid tenantId, Guid agentId, string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// A page of the tenant's sessions, newest first (by creation), optionally of one customer or
    /// agent, after the session <see cref="SessionQuery.After"/> (the last one of the previous page).
    /// </summary>
    Task<IReadOnlyList<Session>> ListAsync(Guid tenantId, SessionQuery query, CancellationToken cancellationToken);

    /// <summary>Messages oldest first, those with a sequence greater than <paramref name="afterSequence"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Message>> GetMessagesAsync(Guid tenantId, Guid sessionId, int afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> messages, returned oldest first (the model's context window).</summary>
    Task<IReadOnlyList<Message>> GetRecentMessagesAsync(Guid tenantId, Guid sessionId, int limit, CancellationToken cancellationToken);

    /// <summary>Every model call of the session, oldest first.</summary>
    Task<IReadOnlyList<ModelCallLog>> GetModelCallsAsync(Guid tenantId, Guid sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// What a turn starts from, read without writing: the session, its newest
    /// <paramref name="historyLimit"/> messages (oldest first), and whether another process holds
    /// its lease right now. Null when the tenant has no such session.
    /// </summary>
    Task<TurnSnapshot?> ReadForTurnAsync(Guid tenantId, Guid sessionId, int historyLimit, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the session's turn lease, shared by every process on the database, and returns the
    /// session as it is now. Waits (polling) while another process holds an unexpired lease, up to
    /// <paramref name="wait"/>; then throws <see cref="SessionBusyException"/>. Throws
    /// <see cref="SessionNotFoundException"/> for an unknown session. The lease holds no
    /// database connection while the turn runs.
    /// </summary>
    Task<Session> AcquireTurnLeaseAsync(Guid tenantId, Guid sessionId, Guid leaseId, TimeSpan leaseDuration, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>Gives the lease back without changing the session (the turn was refused or failed before commit).</summary>
    Task ReleaseTurnLeaseAsync(Guid tenantId, Guid sessionId, Guid leaseId, CancellationToken cancellationToken);

    /// <summary>
    /// Commits a whole turn in one transaction: the session's new state (only if its version is
    /// still <see cref="TurnCommit.ExpectedVersion"/>), the messages, the model calls, the events,
    /// the effects and the jobs; and releases the lease. A turn without a lease commits only while no other process holds
    /// one. Throws <see cref="ConcurrencyConflictException"/> when the version moved or the lease
    /// is not (or no longer) the turn's to use, and lets an effect writer's
    /// <see cref="EffectConflictException"/> through; either way nothing is written.
    /// </summary>
    Task CommitTurnAsync(TurnCommit commit, CancellationToken cancellationToken);

    /// <summary>Deletes sessions that expired before <paramref name="now"/>, with their messages, model calls and events.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Which sessions <see cref="ISessionStore.ListAsync"/> returns; every filter given must hold.</summary>
public sealed record SessionQuery(string? CustomerId, Guid? AgentId, Guid? After, int Limit)
{
    public string? Channel { get; init; }

    /// <summary>Sessions active in [From, To): created before <see cref="To"/> and updated at or after <see cref="From"/>.</summary>
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>True: sessions with a message the safety check flagged as a crisis; false: sessions without one.</summary>
    public bool? Crisis { get; init; }

    /// <summary>True: sessions with a turn answered by the fallback (a <c>model_fallback</c> event); false: without one.</summary>
    public bool? Fallback { get; init; }

    /// <summary>A text that one of the session's messages contains (case-insensitive; ASCII only on SQLite).</summary>
    public string? Text { get; init; }
}

/// <summary>A session as a turn finds it.</summary>
public sealed record TurnSnapshot(Session Session, IReadOnlyList<Message> History, bool LeasedElsewhere);

/// <summary>
/// Everything one turn writes, in one transaction: the session's new state, the messages, the model
/// calls, the events, the skill's effects and the jobs (the outbox). <see cref="LeaseId"/> is null
/// for a turn that took no lease.
/// </summary>
public sealed record TurnCommit(
    Session Session,
    long ExpectedVersion,
    Guid? LeaseId,
    IReadOnlyList<Message> Messages,
    IReadOnlyList<ModelCallLog> ModelCalls,
    IReadOnlyList<DomainEvent> Events)
{
    public IReadOnlyList<Effect> Effects { get; init; } = [];

    public IReadOnlyList<JobRequest> Jobs { get; init; } = [];
}

