using Concierge.Conversations;
using Concierge.Jobs;

namespace Concierge.Skills;

/// <summary>
/// What a skill decided for a turn: the new state, the action, what is still missing, the reply to
/// give, and what the turn writes besides its messages — <see cref="Effects"/> (a booking row, a
/// template record) and <see cref="Jobs"/> (background work), all committed in the turn's one
/// transaction. <see cref="RejectionReason"/> set means the proposal was refused (e.g. the model
/// broke a rule): the pipeline then asks the offline interpreter instead, and logs why.
/// </summary>
public sealed record SkillDecision
{
    public required string Action { get; init; }

    public required ReplyPlan Reply { get; init; }

    /// <summary>The skill's new typed state, serialised.</summary>
    public required SkillStateDocument State { get; init; }

    public IReadOnlyList<string> Missing { get; init; } = [];

    public IReadOnlyList<Effect> Effects { get; init; } = [];

    public IReadOnlyList<JobRequest> Jobs { get; init; } = [];

    public IReadOnlyList<DomainEvent> Events { get; init; } = [];

    /// <summary>Set when the session goes to another agent or skill after this turn.</summary>
    public HandOver? HandOver { get; init; }

    /// <summary>The document passages the reply cites (knowledge answers); empty for other replies.</summary>
    public IReadOnlyList<ReplySource> Sources { get; init; } = [];

    /// <summary>
    /// Short answers the reply offers (at most <see cref="ReplyChoice.MaxCount"/>): WhatsApp shows them
    /// as buttons or a list, Twilio as numbered lines, the native API returns them for the web chat.
    /// </summary>
    public IReadOnlyList<ReplyChoice> Choices { get; init; } = [];

    public string? RejectionReason { get; init; }

    public bool IsRejected => RejectionReason is not null;

    public static SkillDecision Rejected(string reason) =>
        new() { Action = "REJECTED", Reply = ReplyPlan.Text(string.Empty), State = SkillStateDocument.Empty, RejectionReason = reason };
}
