namespace Concierge.Conversations;

/// <summary>
/// One message of a session. <see cref="Sequence"/> is the message's position in its session
/// (1, 2, 3...), so a page of history can be asked for "after" a known message.
/// <see cref="Safety"/> is what the safety step found in a user message (null on other messages
/// and on messages stored before it was recorded).
/// </summary>
public sealed record Message(
    Guid Id,
    Guid SessionId,
    int Sequence,
    MessageRole Role,
    string Content,
    DateTimeOffset CreatedAt,
    int? Tokens = null,
    Concierge.Safety.CrisisFlag? Safety = null);
