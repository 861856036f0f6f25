namespace Concierge.Conversations;

/// <summary>The session does not exist for this tenant (or never did): the HTTP answer is 404.</summary>
public sealed class SessionNotFoundException(string sessionId)
    : Exception($"Session '{sessionId}' was not found.")
{
    public string SessionId { get; } = sessionId;
}

/// <summary>The session existed but its inactivity period ran out: the HTTP answer is 410.</summary>
public sealed class SessionExpiredException(Guid sessionId, DateTimeOffset expiredAt)
    : Exception($"Session '{sessionId}' expired at {expiredAt:O}.")
{
    public Guid SessionId { get; } = sessionId;
    public DateTimeOffset ExpiredAt { get; } = expiredAt;
}

/// <summary>The session's turn lock could not be taken in time (another turn is still running).</summary>
public sealed class SessionBusyException(Guid sessionId)
    : Exception($"Session '{sessionId}' is busy with another turn.")
{
    public Guid SessionId { get; } = sessionId;
}
