namespace Concierge.Conversations;

/// <summary>
/// One message of a session. <see cref="Sequence"/> is the message's position in its session
/// (1, 2, 3...), so a page of history can be asked for "after" a known message.
/// </summary>
public sealed record Message(
    Guid Id,
    Guid SessionId,
    int Sequence,
    MessageRole Role,
    string Content,
    DateTimeOffset CreatedAt,
    int? Tokens = null);
