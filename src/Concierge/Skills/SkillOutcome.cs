using System.Text.Json.Nodes;
using Concierge.Conversations;

namespace Concierge.Skills;

/// <summary>
/// What a skill decided for a turn: the new state, the action, what is still missing and the reply.
/// <see cref="RejectionReason"/> set means the proposal was refused (e.g. the model broke a rule):
/// the pipeline then asks the offline interpreter instead, and logs why.
/// </summary>
public sealed record SkillOutcome
{
    public required string Action { get; init; }
    public required string Reply { get; init; }
    public JsonObject Memory { get; init; } = [];
    public JsonObject? Draft { get; init; }

    /// <summary>Set when the skill starts a new draft (the old one is kept as history by id).</summary>
    public bool StartsNewDraft { get; init; }
    public IReadOnlyList<string> Missing { get; init; } = [];
    public JsonObject? FinalPayload { get; init; }
    public IReadOnlyList<DomainEvent> Events { get; init; } = [];
    public string? RejectionReason { get; init; }

    public static SkillOutcome Rejected(string reason) => new() { Action = "REJECTED", Reply = string.Empty, RejectionReason = reason };
}
