using System.Text.Json.Nodes;

namespace Concierge.Skills;

/// <summary>
/// What the routes and the debug document show of a session's skill state, under the names the
/// seed-000 clients read (<c>memory</c>, <c>current_draft</c>, <c>active_draft_id</c>,
/// <c>final_creation_payload</c>). Skills without a draft leave those empty.
/// </summary>
public sealed record SkillView(JsonObject Memory, JsonObject? Draft = null, Guid? DraftId = null, JsonObject? FinalPayload = null)
{
    public static SkillView Empty => new([]);
}
