using Concierge.Conversations;
using Concierge.Jobs;
using Concierge.Models;

namespace Concierge.Testing.InMemory;

/// <summary>
/// <see cref="ISessionStore"/> in memory with the store contract's commit rules (tenant scoping,
/// version check, leases, all-or-nothing), for tests of the pipeline without a database. It also
/// keeps what turns committed besides messages (effects, jobs, events) so tests can look, and can
/// be told to fail the next commit.
/// </summary>
public sealed class InMemorySessionStore(TimeProvider clock) : ISessionStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Stored> _sessions = [];

    /// <summary>Every effect committed, in commit order.</summary>
    public List<Effect> Effects { get; } = [];

    public List<JobRequest> Jobs { get; } = [];

    public List<DomainEvent> Events { get; } = [];

    public List<ModelCallLog> ModelCalls { get; } = [];

    /// <summary>When set, the next commit throws this (after its checks, before writing anything) and clears it.</summary>
    public Exception? FailNextCommit { get; set; }

    /// <summary>Runs inside the next commit, just before it writes: lets a test change the session under a running turn.</summary>
    public Action? BeforeNextCommit { get; set; }

    public int Commits { get; private set; }

    public Task<Session> CreateAsync(Session session, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _sessions[session.Id] = new Stored(session, []);
            Events.AddRange(events);
            return Task.FromResult(session);
        }
    }

    public Task<Session?> FindAsync(Guid tenantId, Guid sessionId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Find(tenantId, sessionId)?.Session);
        }
    }

    public Task<IReadOnlyList<Session>> ListAsync(Guid tenantId, SessionQuery query, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var all = _sessions.Values.Select(s => s.Session)
                .Where(s => s.TenantId == tenantId && (query.CustomerId is null || s.CustomerId == query.CustomerId) && (query.AgentId is null || s.AgentId == query.AgentId))
                .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
                .ToList();
            var start = query.After is { } after ? all.FindIndex(s => s.Id == after) + 1 : 0;
            return Task.FromResult<IReadOnlyList<Session>>([.. all.Skip(start).Take(query.Limit)]);
        }
    }

    public Task<Session?> FindByCustomerAsync(Guid tenantId, Guid agentId, string customerId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            return Task.FromResult(_sessions.Values.Select(s => s.Session)
                .Where(s => s.TenantId == tenantId && s.AgentId == agentId && s.CustomerId == customerId && !s.IsExpiredAt(now))
                .OrderByDescending(s => s.UpdatedAt)
                .FirstOrDefault());
        }
    }

    public Task<IReadOnlyList<Message>> GetMessagesAsync(Guid tenantId, Guid sessionId, int afterSequence, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<Message> page = Find(tenantId, sessionId)?.Messages.Where(m => m.Sequence > afterSequence).Take(limit).ToList() ?? [];
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyList<Message>> GetRecentMessagesAsync(Guid tenantId, Guid sessionId, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Recent(Find(tenantId, sessionId), limit));
        }
    }

    public Task<IReadOnlyList<ModelCallLog>> GetModelCallsAsync(Guid tenantId, Guid sessionId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<ModelCallLog> calls = Find(tenantId, sessionId) is null ? [] : [.. ModelCalls];
            return Task.FromResult(calls);
        }
    }

    public Task<TurnSnapshot?> ReadForTurnAsync(Guid tenantId, Guid sessionId, int historyLimit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var stored = Find(tenantId, sessionId);
            var leased = stored?.LeaseUntil is { } until && until >= clock.GetUtcNow();
            return Task.FromResult(stored is null ? null : new TurnSnapshot(stored.Session, Recent(stored, historyLimit), leased));
        }
    }

    public Task<Session> AcquireTurnLeaseAsync(Guid tenantId, Guid sessionId, Guid leaseId, TimeSpan leaseDuration, TimeSpan wait, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var stored = Find(tenantId, sessionId) ?? throw new SessionNotFoundException(sessionId.ToString());
            var now = clock.GetUtcNow();
            if (stored.LeaseUntil is { } until && until >= now)
            {
                throw new SessionBusyException(sessionId);
            }

            stored.LeaseId = leaseId;
            stored.LeaseUntil = now + leaseDuration;
            return Task.FromResult(stored.Session);
        }
    }

    public Task ReleaseTurnLeaseAsync(Guid tenantId, Guid sessionId, Guid leaseId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Find(tenantId, sessionId) is { } stored && stored.LeaseId == leaseId)
            {
                (stored.LeaseId, stored.LeaseUntil) = (null, null);
            }

            return Task.CompletedTask;
        }
    }

    public Task CommitTurnAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        var before = BeforeNextCommit;
        BeforeNextCommit = null;
        before?.Invoke();
        lock (_lock)
        {
            var stored = Find(commit.Session.TenantId, commit.Session.Id) ?? throw new SessionNotFoundException(commit.Session.Id.ToString());
            var leaseHeldElsewhere = stored.LeaseUntil is { } until && until >= clock.GetUtcNow() && stored.LeaseId != commit.LeaseId;
            var ourLeaseGone = commit.LeaseId is { } id && stored.LeaseId != id;
            if (stored.Session.Version != commit.ExpectedVersion || leaseHeldElsewhere || ourLeaseGone)
            {
                throw new ConcurrencyConflictException(commit.Session.Id);
            }

            if (FailNextCommit is { } failure)
            {
                FailNextCommit = null;
                throw failure;
            }

            stored.Session = commit.Session with { Version = commit.ExpectedVersion + 1 };
            stored.Messages.AddRange(commit.Messages);
            (stored.LeaseId, stored.LeaseUntil) = (null, null);
            ModelCalls.AddRange(commit.ModelCalls);
            Events.AddRange(commit.Events);
            Effects.AddRange(commit.Effects);
            Jobs.AddRange(commit.Jobs);
            Commits++;
            return Task.CompletedTask;
        }
    }

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var expired = _sessions.Values.Where(s => s.Session.IsExpiredAt(now)).Select(s => s.Session.Id).ToList();
            expired.ForEach(id => _sessions.Remove(id));
            return Task.FromResult(expired.Count);
        }
    }

    /// <summary>Replaces a stored session's value (a test playing another process's commit).</summary>
    public void Overwrite(Session session)
    {
        lock (_lock)
        {
            _sessions[session.Id].Session = session;
        }
    }

    private Stored? Find(Guid tenantId, Guid sessionId) =>
        _sessions.TryGetValue(sessionId, out var stored) && stored.Session.TenantId == tenantId ? stored : null;

    private static IReadOnlyList<Message> Recent(Stored? stored, int limit) =>
        stored is null ? [] : stored.Messages.TakeLast(limit).ToList();

    private sealed class Stored(Session session, List<Message> messages)
    {
        public Session Session { get; set; } = session;

        public List<Message> Messages { get; } = messages;

        public Guid? LeaseId { get; set; }

        public DateTimeOffset? LeaseUntil { get; set; }
    }
}
