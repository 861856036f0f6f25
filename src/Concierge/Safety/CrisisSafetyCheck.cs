using Concierge.Agents;
using Concierge.Conversations;

namespace Concierge.Safety;

/// <summary>
/// The safety step with the offline multilingual detector: the last few user messages are its
/// context, and a detection answers with the agent's protocol for its locale, worded from the
/// protocol's text in the user's language (never by a model that could improvise).
/// </summary>
public sealed class CrisisSafetyCheck(CrisisDetector detector, CrisisProtocols protocols) : ISafetyCheck
{
    /// <summary>How many earlier user messages the detector reads with the new one.</summary>
    public const int ContextMessages = 3;

    public SafetyVerdict Check(Agent agent, string text, IReadOnlyList<Message> history)
    {
        if (!agent.CrisisDetection)
        {
            return SafetyVerdict.Safe;
        }

        var recent = history.Where(m => m.Role == MessageRole.User).TakeLast(ContextMessages).Select(m => m.Content).ToList();
        var assessment = detector.Assess(text, recent);
        if (!assessment.IsCrisis)
        {
            return SafetyVerdict.Safe;
        }

        var protocol = protocols.For(agent.Locale, assessment.Language);
        return SafetyVerdict.Crisis(protocol.Reply, assessment.Reason ?? "crisis") with
        {
            Severity = assessment.Severity,
            Rule = assessment.Rule,
            Language = assessment.Language,
        };
    }
}
