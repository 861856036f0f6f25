namespace Concierge.Skills.Templates;

/// <summary>One of a template's components: <see cref="HeaderComponent"/>, <see cref="BodyComponent"/>,
/// <see cref="FooterComponent"/> or <see cref="ButtonsComponent"/>.</summary>
public abstract record TemplateComponent
{
    public const string HeaderType = "HEADER";
    public const string BodyType = "BODY";
    public const string FooterType = "FOOTER";
    public const string ButtonsType = "BUTTONS";

    private protected TemplateComponent()
    {
    }

    /// <summary>Meta's component <c>type</c>: HEADER, BODY, FOOTER or BUTTONS.</summary>
    public abstract string Type { get; }
}
