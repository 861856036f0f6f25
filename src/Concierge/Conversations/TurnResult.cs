using Concierge.Models;
using Concierge.Skills;

namespace Concierge.Conversations;

/// <summary>A committed turn: the session as stored, both messages, and what the skill decided.</summary>
public sealed record TurnResult(
    Session Session,
    Message UserMessage,
    Message Reply,
    SkillOutcome Outcome,
    TurnSource Source,
    IReadOnlyList<ModelCallLog> ModelCalls,
    bool FinalPayloadChanged = false)
{
    /// <summary>Time spent waiting on the model during this turn (benchmarks subtract it to get the server's overhead).</summary>
    public long ModelLatencyMs => ModelCalls.Sum(c => c.LatencyMs);
}

/// <summary>Who produced the turn's decision.</summary>
public enum TurnSource
{
    /// <summary>The model's proposal, accepted by the skill.</summary>
    Model,

    /// <summary>The offline interpreter, because no model is configured.</summary>
    Offline,

    /// <summary>The offline interpreter, because the model failed or its proposal was refused.</summary>
    Fallback,

    /// <summary>The safety check's crisis protocol.</summary>
    Safety,
}
