using Concierge.Models;
using Concierge.Skills;

namespace Concierge.Conversations;

/// <summary>A turn after its decide step: the decision, who made it, and the model calls so far.</summary>
internal sealed record DecidedTurn(SkillDecision Decision, TurnSource Source, IReadOnlyList<ModelCallLog> ModelCalls);

/// <summary>A turn after its phrase step: the reply's final text and its tokens when the model wrote it.</summary>
internal sealed record PhrasedTurn(DecidedTurn Decided, string Reply, int? ReplyTokens)
{
    public TurnSource Source => Decided.Source;
}
