using Concierge.Agents;
using Concierge.Conversations;

namespace Concierge.Safety;

/// <summary>
/// Runs before every turn (SPEC 2, step 4). A crisis short-circuits the turn to the agent's crisis
/// protocol reply: the skill and the model are not asked. <paramref name="history"/> is the
/// session's recent messages, oldest first, so that a crisis spread over two messages is seen.
/// </summary>
public interface ISafetyCheck
{
    SafetyVerdict Check(Agent agent, string text, IReadOnlyList<Message> history);
}
