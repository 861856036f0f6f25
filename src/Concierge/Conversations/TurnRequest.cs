using Concierge.Skills;

namespace Concierge.Conversations;

/// <summary>A user's message for a session, as every channel hands it to the pipeline (already validated).</summary>
public sealed record TurnRequest(Guid TenantId, Guid SessionId, UserText Text, string Channel)
{
    /// <summary>
    /// The caller's own write, made from the turn's stored reply and decision and committed in the
    /// turn's transaction (a channel's inbound message marked answered, with the reply's delivery):
    /// the turn and the caller's record of it land together or not at all, so a caller that runs
    /// again after a crash finds either both or neither. Its writer may refuse the turn by throwing.
    /// </summary>
    public Func<Message, SkillDecision, Effect>? ReplyEffect { get; init; }
}
