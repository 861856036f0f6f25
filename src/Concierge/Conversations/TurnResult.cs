using Concierge.Models;
using Concierge.Skills;

namespace Concierge.Conversations;

/// <summary>A committed turn: the session as stored, both messages, what the skill decided and how its state looks now.</summary>
public sealed record TurnResult(
    Session Session,
    Message UserMessage,
    Message Reply,
    SkillDecision Decision,
    TurnSource Source,
    IReadOnlyList<ModelCallLog> ModelCalls,
    SkillView View)
{
    /// <summary>Time spent waiting on the model during this turn (benchmarks subtract it to get the server's overhead).</summary>
    public long ModelLatencyMs => ModelCalls.Sum(c => c.LatencyMs);

    public string Action => Decision.Action;
}

/// <summary>Who produced the turn's decision and reply.</summary>
public enum TurnSource
{
    /// <summary>The model's proposal or wording, accepted by the skill.</summary>
    Model,

    /// <summary>The offline interpreter and templates, because no model is configured.</summary>
    Offline,

    /// <summary>The offline interpreter or templates, because the model failed or its proposal was refused.</summary>
    Fallback,

    /// <summary>The safety check's crisis protocol.</summary>
    Safety,
}
