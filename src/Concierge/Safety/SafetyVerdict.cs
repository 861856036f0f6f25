namespace Concierge.Safety;

/// <summary>What the safety step found: nothing, or a crisis with the protocol's reply and why (never the user's words).</summary>
public sealed record SafetyVerdict(bool IsCrisis, string? ProtocolReply = null, string? Reason = null)
{
    public static SafetyVerdict Safe { get; } = new(false);

    public CrisisSeverity Severity { get; init; } = CrisisSeverity.None;

    /// <summary>The rule that matched ("es.direct.ideation"), for the event and the metric.</summary>
    public string? Rule { get; init; }

    public string? Language { get; init; }

    public static SafetyVerdict Crisis(string protocolReply, string reason) => new(true, protocolReply, reason);
}
