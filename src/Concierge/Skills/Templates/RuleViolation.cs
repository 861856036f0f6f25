namespace Concierge.Skills.Templates;

/// <summary>
/// One broken rule of TEMPLATE-RULES.md: its stable <paramref name="Code"/> (see <see cref="TemplateRules"/>),
/// a human sentence, where in the draft's JSON it is (e.g. <c>components[2].buttons[0].text</c>) and how bad it is.
/// </summary>
public sealed record RuleViolation(string Code, string Message, string Path, RuleSeverity Severity = RuleSeverity.Error)
{
    public bool IsError => Severity == RuleSeverity.Error;

    public override string ToString() => $"{Code} at {Path}: {Message}";
}
