namespace Concierge.Conversations;

/// <summary>Limits and timings of sessions and turns (bound from configuration by the host).</summary>
public sealed class ConversationOptions
{
    /// <summary>MAX_MESSAGE_LENGTH: the longest message a user may send, in characters.</summary>
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>SESSION_TTL: inactivity after which an anonymous session expires.</summary>
    public TimeSpan SessionTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many recent messages a turn loads as context (the skill trims further to its token budget).</summary>
    public int HistoryMessages { get; set; } = 40;

    /// <summary>How long a turn may hold its session's lease; must outlast the slowest model call with retries.</summary>
    public TimeSpan TurnLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a turn waits for the previous turn of the same session before answering "busy".</summary>
    public TimeSpan TurnWait { get; set; } = TimeSpan.FromMinutes(2);

    public IEnumerable<string> Validate()
    {
        if (MaxMessageLength is < 1 or > 100_000)
        {
            yield return $"MAX_MESSAGE_LENGTH must be between 1 and 100000, got {MaxMessageLength}";
        }

        if (SessionTtl <= TimeSpan.Zero)
        {
            yield return $"SESSION_TTL must be a positive duration, got {SessionTtl}";
        }

        if (HistoryMessages is < 0 or > 1000)
        {
            yield return $"Concierge:Conversations:HistoryMessages must be between 0 and 1000, got {HistoryMessages}";
        }

        if (TurnLease <= TimeSpan.Zero || TurnWait < TimeSpan.Zero)
        {
            yield return "Concierge:Conversations:TurnLease must be positive and TurnWait not negative";
        }
    }
}
