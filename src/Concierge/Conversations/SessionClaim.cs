namespace Concierge.Conversations;

/// <summary>
/// A session held for one turn: the session and its recent history as the turn found them, and
/// the commit that lands only on that state (see <see cref="SessionClaims"/>).
/// </summary>
public sealed class SessionClaim(ISessionStore store, Session session, IReadOnlyList<Message> history, Guid? leaseId)
{
    public Session Session { get; } = session;

    /// <summary>The newest messages, oldest first.</summary>
    public IReadOnlyList<Message> History { get; } = history;

    /// <summary>Commits the turn's writes against the version this claim read; never abandoned half-way.</summary>
    public Task CommitAsync(TurnWrite write) =>
        store.CommitTurnAsync(
            new TurnCommit(write.Session, Session.Version, leaseId, write.Messages, write.ModelCalls, write.Events)
            {
                Effects = write.Effects,
                Jobs = write.Jobs,
            },
            CancellationToken.None);

    internal Task ReleaseAsync() =>
        leaseId is { } id ? store.ReleaseTurnLeaseAsync(Session.TenantId, Session.Id, id, CancellationToken.None) : Task.CompletedTask;
}
