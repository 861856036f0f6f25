using Concierge.Agents;
using Concierge.Conversations;

namespace Concierge.Skills;

/// <summary>What a skill sees of a turn: the agent, the session as it is, recent history and the new text.</summary>
public sealed record SkillContext(
    Agent Agent,
    Session Session,
    IReadOnlyList<Message> History,
    string UserText,
    DateTimeOffset Now);
