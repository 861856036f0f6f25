namespace Concierge.Skills.Templates;

/// <summary>
/// A WhatsApp message template as it is being built. Every field may be missing or wrong while the
/// conversation goes on: <see cref="TemplateValidator"/> says what is missing or breaks Meta's rules,
/// and <see cref="MetaTemplatePayload"/> turns a valid draft into the creation request.
/// Components are a list (not one slot each) so that a draft with two headers or no body can be
/// represented and reported instead of silently dropped.
/// </summary>
public sealed record TemplateDraft
{
    /// <summary>Template name, <c>^[a-z0-9_]{1,512}$</c> when valid; null until known.</summary>
    public string? Name { get; init; }

    /// <summary>MARKETING, UTILITY or AUTHENTICATION when valid (see <see cref="TemplateCategory"/>); null until known.</summary>
    public string? Category { get; init; }

    /// <summary>Meta template language code such as <c>en_US</c> or <c>es</c>; null until known.</summary>
    public string? Language { get; init; }

    /// <summary>How variables are written; Meta's default is positional.</summary>
    public TemplateParameterFormat ParameterFormat { get; init; } = TemplateParameterFormat.Positional;

    public IReadOnlyList<TemplateComponent> Components { get; init; } = [];

    /// <summary>The first HEADER, if any.</summary>
    public HeaderComponent? Header => Components.OfType<HeaderComponent>().FirstOrDefault();

    /// <summary>The first BODY, if any.</summary>
    public BodyComponent? Body => Components.OfType<BodyComponent>().FirstOrDefault();

    /// <summary>The first FOOTER, if any.</summary>
    public FooterComponent? Footer => Components.OfType<FooterComponent>().FirstOrDefault();

    /// <summary>The first BUTTONS component, if any.</summary>
    public ButtonsComponent? Buttons => Components.OfType<ButtonsComponent>().FirstOrDefault();

    /// <summary>True when the category is AUTHENTICATION (Meta's preset shape applies).</summary>
    public bool IsAuthentication => Category == TemplateCategory.Authentication;

    /// <summary>A copy with <paramref name="replacement"/> in place of the component at <paramref name="index"/>.</summary>
    public TemplateDraft WithComponent(int index, TemplateComponent replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Components.Count);
        var list = Components.ToArray();
        list[index] = replacement;
        return this with { Components = list };
    }
}
