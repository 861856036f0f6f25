namespace Concierge.Conversations;

/// <summary>The session moved (another turn committed, or the lease ran out) between the read and the commit.</summary>
public sealed class ConcurrencyConflictException(Guid sessionId)
    : Exception($"Session '{sessionId}' was changed by another turn.")
{
    public Guid SessionId { get; } = sessionId;
}
