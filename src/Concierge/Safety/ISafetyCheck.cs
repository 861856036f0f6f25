using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Models;

namespace Concierge.Safety;

/// <summary>
/// Runs before every turn (SPEC 2, step 4). A crisis short-circuits the turn to the agent's crisis
/// protocol reply: the skill and the model are not asked. <paramref name="history"/> is the
/// session's recent messages, oldest first, so that a crisis spread over two messages is seen.
/// </summary>
public interface ISafetyCheck
{
    SafetyVerdict Check(Agent agent, string text, IReadOnlyList<Message> history);

    /// <summary>
    /// The model's second opinion on an offline verdict (asked only when a model is configured). It
    /// may only raise the verdict; a failure or a "no" leaves <paramref name="offline"/> standing.
    /// </summary>
    ValueTask<SafetyVerdict> ReviewAsync(
        Agent agent, string text, IReadOnlyList<Message> history, SafetyVerdict offline, ILanguageModel model, CancellationToken cancellationToken) =>
        ValueTask.FromResult(offline);

    /// <summary>The supportive reply for a turn in crisis mode (worded offline from the protocol); null when the check has no protocol.</summary>
    string? FollowUp(Agent agent, string? language) => null;

    /// <summary>The instructions a model words crisis-mode turns under; null when the check has no protocol.</summary>
    string? SupportInstructions(Agent agent, string? language) => null;
}
