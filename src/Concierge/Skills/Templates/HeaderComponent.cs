namespace Concierge.Skills.Templates;

/// <summary>
/// The HEADER: a TEXT header (with at most one variable and its example) or a media/location header.
/// IMAGE, VIDEO and DOCUMENT headers need a <see cref="MediaHandle"/> from Meta's Resumable Upload API.
/// </summary>
public sealed record HeaderComponent : TemplateComponent
{
    public override string Type => HeaderType;

    /// <summary>TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION when valid (see <see cref="HeaderFormat"/>).</summary>
    public string Format { get; init; } = HeaderFormat.Text;

    public string? Text { get; init; }

    /// <summary>Example values of positional variables: item 0 is <c>{{1}}</c>'s.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>Example values of named variables.</summary>
    public IReadOnlyList<NamedParameterExample> NamedExamples { get; init; } = [];

    /// <summary>The <c>header_handle</c> example of a media header.</summary>
    public string? MediaHandle { get; init; }
}
