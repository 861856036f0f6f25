using System.Text.Json.Nodes;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// What an interpreter read in one message. <see cref="MemoryUpdates"/> are merged into memory (a JSON
/// null removes a key); the skill's Apply checks every value before it counts.
/// </summary>
public sealed record TemplateProposal(ProposalSource Source) : Proposal(Source)
{
    public JsonObject MemoryUpdates { get; init; } = [];

    /// <summary>A whole draft (the model's); null means "compose from memory".</summary>
    public TemplateDraft? Draft { get; init; }

    /// <summary>The user accepted the draft shown ("yes", "looks good", "sí", "pode ser", "d'accord").</summary>
    public bool Accepted { get; init; }

    /// <summary>The user said yes to the suggestion the last question showed (a footer, a header, buttons): only then is it used.</summary>
    public bool AcceptedSuggestion { get; init; }

    /// <summary>The user said no to the draft shown without saying what to change.</summary>
    public bool Declined { get; init; }

    /// <summary>The user starts another template: memory other than language and business is reset first.</summary>
    public bool NewTemplate { get; init; }

    /// <summary>The user asked for text an AUTHENTICATION template cannot carry (Meta presets it).</summary>
    public bool AskedCustomAuthText { get; init; }

    /// <summary>Repairs the reader made to what the user wrote (e.g. "I added https://"), stated in the reply.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The model's reply text; used only when it agrees with the decided action.</summary>
    public string? Reply { get; init; }

    /// <summary>True when the message changed something or answered something.</summary>
    public bool Understood => MemoryUpdates.Any(u => u.Key is not TemplateMemoryKeys.ReplyLanguage) || Draft is not null || Accepted || AcceptedSuggestion || Declined || NewTemplate;
}
