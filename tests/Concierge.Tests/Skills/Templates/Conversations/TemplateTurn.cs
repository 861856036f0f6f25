using System.Text.Json.Nodes;
using Concierge.Conversations;
using Concierge.Skills;
using Concierge.Skills.Templates.Builder;

namespace Concierge.Tests.Skills.Templates.Conversations;

/// <summary>One template-builder turn as the tests read it: the decision and the builder's state after it.</summary>
internal sealed record TemplateTurn(
    string Action,
    string Reply,
    IReadOnlyList<string> Missing,
    TemplateMemory Memory,
    JsonObject? Draft,
    JsonObject? FinalPayload,
    string? RejectionReason,
    IReadOnlyList<Effect> Effects,
    TurnSource? Source,
    bool StartsNewDraft,
    IReadOnlyList<ReplyChoice> Choices)
{
    /// <param name="previousDraftId">The draft id before the turn: a different non-null one after it means a new draft was started.</param>
    public static TemplateTurn From(SkillDecision decision, TemplateState state, string reply, TurnSource? source = null, Guid? previousDraftId = null) => new(
        decision.Action, reply, decision.Missing, state.Memory, state.Draft, state.FinalPayload, decision.RejectionReason, decision.Effects, source,
        previousDraftId is not null && state.DraftId is not null && state.DraftId != previousDraftId,
        decision.Choices);
}
