using Concierge.Models;

namespace Concierge.Safety;

/// <summary>What the safety step found: nothing, or a crisis with the protocol's reply and why (never the user's words).</summary>
public sealed record SafetyVerdict(bool IsCrisis, string? ProtocolReply = null, string? Reason = null)
{
    public static SafetyVerdict Safe { get; } = new(false);

    public CrisisSeverity Severity { get; init; } = CrisisSeverity.None;

    /// <summary>The rule that matched ("es.direct.ideation"), or "model.second_opinion", for the event and the metric.</summary>
    public string? Rule { get; init; }

    public string? Language { get; init; }

    /// <summary>Not a crisis, but not a clear no (see <see cref="CrisisAssessment.Ambiguous"/>): a model may be asked.</summary>
    public bool Ambiguous { get; init; }

    /// <summary>This message itself carried a distress, means, action or farewell cue: it is not a calm message.</summary>
    public bool HasCue { get; init; }

    /// <summary>"detector", or "model" when the second opinion raised the verdict; "off" when the agent's guardrail is off.</summary>
    public string By { get; init; } = "detector";

    /// <summary>The second opinion's model calls (logged with the turn).</summary>
    public IReadOnlyList<ModelCallLog> ModelCalls { get; init; } = [];

    /// <summary>The flag the user message is stored with.</summary>
    public CrisisFlag Flag => By == "off" ? CrisisFlag.Off
        : IsCrisis ? new CrisisFlag(true, Severity, Rule, By)
        : CrisisFlag.Clear;

    public static SafetyVerdict Crisis(string protocolReply, string reason) => new(true, protocolReply, reason);
}
