using System.Text.Json.Nodes;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// The template builder's state in a session: the slots it has learned (<see cref="Memory"/>, the
/// seed's debug-document names), the draft in Meta's shape, the draft's id (a new draft after FINAL
/// gets a new one) and Meta's creation payload once FINAL.
/// </summary>
public sealed record TemplateState
{
    public static readonly TemplateState Initial = new();

    public TemplateMemory Memory { get; init; } = TemplateMemory.Empty;

    public JsonObject? Draft { get; init; }

    public Guid? DraftId { get; init; }

    public JsonObject? FinalPayload { get; init; }
}
