namespace Concierge.Skills.Templates;

/// <summary>
/// A URL button. The URL may end with one variable, <c>{{1}}</c>; <see cref="Example"/> is then the
/// example value of that variable alone (e.g. <c>ABC123</c>), and the payload sends the full example URL.
/// </summary>
public sealed record UrlButton(string Text, string Url) : TemplateButton
{
    public override string Type => UrlType;

    /// <summary>Example value of the URL's trailing variable (the suffix only, not the whole URL).</summary>
    public string? Example { get; init; }

    public override string? Label => Text;

    public override TemplateButton WithLabel(string label) => this with { Text = label };
}
