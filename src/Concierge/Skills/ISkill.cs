using Concierge.Models;

namespace Concierge.Skills;

/// <summary>
/// A capability with its own state machine. The interpreter (model or offline rules) only
/// <em>proposes</em>; <see cref="Apply"/> is where the skill validates the proposal, computes what is
/// missing and decides the action. Apply is pure and synchronous so that a skill can be tested
/// with a table of cases and no server.
/// </summary>
public interface ISkill
{
    /// <summary>The name agents refer to ("chat", "templates"...).</summary>
    string Name { get; }

    /// <summary>The model request that interprets this turn, or null when this turn needs no model.</summary>
    ModelRequest? BuildModelRequest(SkillContext context);

    /// <summary>Reads the model's answer into a proposal; null when the answer is unusable (malformed, empty).</summary>
    Proposal? ReadModelAnswer(SkillContext context, ModelResponse answer);

    /// <summary>The offline interpreter's proposal: deterministic rules, no model.</summary>
    Proposal ProposeOffline(SkillContext context);

    /// <summary>Validates the proposal against the state and decides what happens.</summary>
    SkillOutcome Apply(SkillContext context, Proposal proposal);
}
