using Microsoft.Extensions.Logging;

namespace Concierge.Conversations;

/// <summary>
/// How a turn holds its session, in one place: one turn per session at a time, in arrival order
/// (in this process by the <see cref="SessionGate"/>, across processes by the store), and a commit
/// that lands only on the state the turn started from.
/// <para>
/// A turn that will call the model takes the session's lease first, so that no other process pays
/// for the same turn. A turn without a model is cheap to redo: it reads without writing and
/// commits only if the session did not move meanwhile (one write per turn instead of two). A lost
/// race, an effect that no longer fits the facts, or a lease held elsewhere makes the turn run
/// again under the lease, on the new state, so it cannot lose forever.
/// </para>
/// </summary>
public sealed class SessionClaims(ISessionStore sessions, SessionGate gate, ConversationOptions options, ILogger<SessionClaims> logger)
{
    private const int Attempts = 3;

    /// <summary>
    /// Runs <paramref name="turn"/> on the claimed session until its commit lands. Waiting may be
    /// cancelled; once the turn has begun it is not tied to <paramref name="cancellationToken"/>,
    /// so an accepted message runs to its commit even when the caller goes away.
    /// </summary>
    public async Task<T> RunAsync<T>(Guid tenantId, Guid sessionId, bool leaseFirst, Func<SessionClaim, Task<T>> turn, CancellationToken cancellationToken)
    {
        await using var _ = await gate.EnterAsync(sessionId, cancellationToken);
        var useLease = leaseFirst;
        for (var attempt = 1; ; attempt++)
        {
            var claim = await ClaimAsync(tenantId, sessionId, useLease, cancellationToken);
            if (claim is null)
            {
                useLease = true;
                continue;
            }

            try
            {
                return await turn(claim);
            }
            catch (Exception e) when (e is ConcurrencyConflictException or EffectConflictException && attempt < Attempts)
            {
                logger.LogWarning("Turn on session {SessionId} must run again ({Attempt}): {Reason}", sessionId, attempt, e.Message);
                TurnTelemetry.Retries.Add(1);
                await claim.ReleaseAsync();
                useLease = true;
            }
            catch
            {
                await claim.ReleaseAsync();
                throw;
            }
        }
    }

    /// <summary>The claim, or null when another process holds the lease and the turn must take it.</summary>
    private async Task<SessionClaim?> ClaimAsync(Guid tenantId, Guid sessionId, bool useLease, CancellationToken cancellationToken)
    {
        if (useLease)
        {
            var leaseId = Guid.NewGuid();
            var session = await sessions.AcquireTurnLeaseAsync(tenantId, sessionId, leaseId, options.TurnLease, options.TurnWait, cancellationToken);
            var history = await sessions.GetRecentMessagesAsync(tenantId, sessionId, options.HistoryMessages, CancellationToken.None);
            return new SessionClaim(sessions, session, history, leaseId);
        }

        var snapshot = await sessions.ReadForTurnAsync(tenantId, sessionId, options.HistoryMessages, cancellationToken)
            ?? throw new SessionNotFoundException(sessionId.ToString());
        return snapshot.LeasedElsewhere ? null : new SessionClaim(sessions, snapshot.Session, snapshot.History, null);
    }
}
