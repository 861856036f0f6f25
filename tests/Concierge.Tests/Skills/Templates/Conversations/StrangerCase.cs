namespace Concierge.Tests.Skills.Templates.Conversations;

/// <summary>
/// One conversation of <c>stranger-conversations.json</c>: what a new user wrote, turn by turn, and
/// what they should get. <see cref="FinalBy"/> is the turn by which FINAL is expected; null means the
/// request is invalid (or not a template) and must never reach FINAL. The other fields are checked on
/// the FINAL draft when set.
/// </summary>
internal sealed record StrangerCase
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Turns { get; init; }

    public string? Category { get; init; }

    public string? Language { get; init; }

    public int? FinalBy { get; init; }

    /// <summary>The FINAL draft's components exactly ("BODY", "BODY,FOOTER"): nothing the user did not ask for.</summary>
    public string? Components { get; init; }

    public string? Header { get; init; }

    public string? Footer { get; init; }

    public string? Buttons { get; init; }

    public IReadOnlyList<string> BodyContains { get; init; } = [];

    /// <summary>Phrases the FINAL body must not hold (a third-person "their" where the customer is addressed).</summary>
    public IReadOnlyList<string> BodyLacks { get; init; } = [];

    /// <summary>The FINAL draft's button labels in order ("Confirmar,Cancelar").</summary>
    public string? ButtonLabels { get; init; }

    /// <summary>A word the template's name must hold ("prescription" when the purpose was a prescription).</summary>
    public string? NameContains { get; init; }

    /// <summary>A word the template's name must not hold ("english" when "English please" answered a purpose question).</summary>
    public string? NameLacks { get; init; }

    /// <summary>The language replies must be in (en, es, pt, fr).</summary>
    public string? ReplyLanguage { get; init; }

    public override string ToString() => Name;
}
