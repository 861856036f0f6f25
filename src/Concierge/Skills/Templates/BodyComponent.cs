namespace Concierge.Skills.Templates;

/// <summary>
/// The BODY. For AUTHENTICATION templates Meta presets the text: the body then carries only
/// <see cref="AddSecurityRecommendation"/> and no <see cref="Text"/> or examples.
/// </summary>
public sealed record BodyComponent : TemplateComponent
{
    public override string Type => BodyType;

    public string? Text { get; init; }

    /// <summary>Example values of positional variables: item 0 is <c>{{1}}</c>'s.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>Example values of named variables.</summary>
    public IReadOnlyList<NamedParameterExample> NamedExamples { get; init; } = [];

    /// <summary>AUTHENTICATION only: <c>add_security_recommendation</c>.</summary>
    public bool? AddSecurityRecommendation { get; init; }
}
