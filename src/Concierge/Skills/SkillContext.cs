using Concierge.Agents;
using Concierge.Conversations;

namespace Concierge.Skills;

/// <summary>
/// What a skill sees of a turn: the agent, the session as it is, recent history and the new text.
/// <see cref="ModelAvailable"/> tells whether a model can be asked this turn, so that an offline
/// turn does not build prompts nobody will send.
/// </summary>
public sealed record SkillContext(
    Agent Agent,
    Session Session,
    IReadOnlyList<Message> History,
    string UserText,
    DateTimeOffset Now,
    bool ModelAvailable = false)
{
    /// <summary>The active skill's stored state (empty for a new session or after a hand-over).</summary>
    public SkillStateDocument State => Session.State;

    /// <summary>The session is in crisis mode (the protocol ran and no calm exchange or operator ended it): stay supportive.</summary>
    public bool CrisisMode => Session.CrisisSince is not null;
}
