namespace Concierge.Conversations;

/// <summary>Who wrote a message. Stored and serialised in lower case ("user", "assistant", ...).</summary>
public enum MessageRole
{
    User,
    Assistant,
    System,
    Tool,
}

public static class MessageRoles
{
    public static string ToWire(this MessageRole role) => role switch
    {
        MessageRole.User => "user",
        MessageRole.Assistant => "assistant",
        MessageRole.System => "system",
        MessageRole.Tool => "tool",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static MessageRole Parse(string wire) => wire switch
    {
        "user" => MessageRole.User,
        "assistant" => MessageRole.Assistant,
        "system" => MessageRole.System,
        "tool" => MessageRole.Tool,
        _ => throw new FormatException($"Unknown message role '{wire}'."),
    };
}
