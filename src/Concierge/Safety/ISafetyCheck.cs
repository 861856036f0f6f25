using Concierge.Agents;

namespace Concierge.Safety;

/// <summary>
/// Runs before every turn (SPEC 2, step 4). A crisis short-circuits the turn to the agent's crisis
/// protocol reply: the skill and the model are not asked.
/// </summary>
public interface ISafetyCheck
{
    SafetyVerdict Check(Agent agent, string text);
}

public sealed record SafetyVerdict(bool IsCrisis, string? ProtocolReply = null, string? Reason = null)
{
    public static SafetyVerdict Safe { get; } = new(false);

    public static SafetyVerdict Crisis(string protocolReply, string reason) => new(true, protocolReply, reason);
}
