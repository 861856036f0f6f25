namespace Concierge.Skills.Templates;

/// <summary>Meta's <c>parameter_format</c>: <c>{{1}}</c> (positional) or <c>{{first_name}}</c> (named).</summary>
public enum TemplateParameterFormat
{
    Positional,
    Named,
}
