using Concierge.Models;

namespace Concierge.Skills;

/// <summary>
/// A capability with its own state machine, run in three steps per turn (ARCHITECTURE.md):
/// <list type="number">
/// <item><b>interpret</b>: the model (<see cref="BuildInterpretRequest"/> + <see cref="ReadModelAnswer"/>)
/// or the offline rules (<see cref="ProposeOffline"/>) propose; a proposal is never trusted;</item>
/// <item><b>decide</b>: <see cref="DecideAsync"/> validates the proposal against the skill's typed state,
/// may read what it needs through narrow async ports it was built with (free capacity of a slot...),
/// calls no model, and returns the new state, the action, what is missing, effects and jobs;</item>
/// <item><b>phrase</b>: the decision's <see cref="ReplyPlan"/>: a text worded from templates, or a model
/// request the pipeline streams (with that text as the fallback).</item>
/// </list>
/// The server, not the model, decides: only the decide step changes state.
/// </summary>
public interface ISkill
{
    /// <summary>The name agents refer to ("chat", "templates"...).</summary>
    string Name { get; }

    /// <summary>The model request that interprets this turn, or null when this turn needs no model to interpret.</summary>
    ModelRequest? BuildInterpretRequest(SkillContext context);

    /// <summary>Reads the model's answer into a proposal; null when the answer is unusable (malformed, empty).</summary>
    Proposal? ReadModelAnswer(SkillContext context, ModelResponse answer);

    /// <summary>The offline interpreter's proposal: deterministic rules, no model.</summary>
    Proposal ProposeOffline(SkillContext context);

    /// <summary>Validates the proposal against the state and decides what happens.</summary>
    ValueTask<SkillDecision> DecideAsync(SkillContext context, Proposal proposal, CancellationToken cancellationToken);

    /// <summary>What routes and the debug document show of this skill's stored state.</summary>
    SkillView View(SkillStateDocument state);
}
