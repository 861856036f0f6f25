namespace Concierge.Skills.Templates;

/// <summary>An <see cref="Error"/> makes a draft invalid; <see cref="Advice"/> is a suggestion only.</summary>
public enum RuleSeverity
{
    Error,
    Advice,
}
