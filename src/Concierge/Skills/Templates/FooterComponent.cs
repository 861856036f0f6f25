namespace Concierge.Skills.Templates;

/// <summary>The FOOTER: static text, or for AUTHENTICATION templates only <see cref="CodeExpirationMinutes"/>.</summary>
public sealed record FooterComponent : TemplateComponent
{
    public override string Type => FooterType;

    public string? Text { get; init; }

    /// <summary>AUTHENTICATION only: <c>code_expiration_minutes</c>, 1 to 90.</summary>
    public int? CodeExpirationMinutes { get; init; }
}
