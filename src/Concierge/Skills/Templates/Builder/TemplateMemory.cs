using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// The template skill's session memory, typed. The first seven properties are the seed system's
/// debug-document names (category, language_pref, business_type, purpose, wants_*) and must keep
/// them; the others are what the composer needs to rebuild the draft from memory alone (so an
/// offline turn after a model turn keeps the model's work). Null means "not known" and is left out
/// of the JSON, so the debug document looks as it always did.
/// </summary>
public sealed record TemplateMemory
{
    public static readonly TemplateMemory Empty = new();

    public string? Category { get; init; }

    public string? LanguagePref { get; init; }

    public string? BusinessType { get; init; }

    public string? Purpose { get; init; }

    /// <summary>Null: the user said nothing about it, which counts as "not wanted" (issue 18).</summary>
    public bool? WantsHeader { get; init; }

    public bool? WantsFooter { get; init; }

    public bool? WantsButtons { get; init; }

    /// <summary>The recognised purpose (order_shipped, appointment_reminder...), see <see cref="PurposeKinds"/>.</summary>
    public string? PurposeKind { get; init; }

    public string? HeaderText { get; init; }

    public string? FooterText { get; init; }

    /// <summary>A body the user (or the model) wrote; null means the composer writes it.</summary>
    public string? BodyText { get; init; }

    public IReadOnlyList<string>? BodyExamples { get; init; }

    /// <summary>Buttons the user asked for; a null text takes the default label.</summary>
    public IReadOnlyList<ButtonWish>? Buttons { get; init; }

    /// <summary>Variable kinds in body order (customer_name, order_number...), see <see cref="VariableKinds"/>.</summary>
    public IReadOnlyList<string>? Variables { get; init; }

    public string? Name { get; init; }

    public int? CodeExpirationMinutes { get; init; }

    /// <summary>en, es, pt or fr: the language the user writes in, for replies.</summary>
    public string? ReplyLanguage { get; init; }

    /// <summary>"explicit" when the user named the template language, "inferred" when taken from how they write.</summary>
    public string? LanguageSource { get; init; }

    /// <summary>What the last reply asked (a missing field, a rule code, or "confirm"): gives "yes"/"no" a meaning.</summary>
    public string? Pending { get; init; }

    /// <summary>The buttons, never null.</summary>
    [JsonIgnore]
    public IReadOnlyList<ButtonWish> ButtonList => Buttons ?? [];

    /// <summary>The variable kinds, never null.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> VariableList => Variables ?? [];

    /// <summary>The memory as the debug document and the model prompt show it (snake_case, nulls left out).</summary>
    public JsonObject ToJson() => (JsonObject)JsonSerializer.SerializeToNode(this, TemplateStateJson.Default.TemplateMemory)!;
}
