namespace Concierge.Skills.Templates;

/// <summary>A COPY_CODE button (an offer code the user copies); its label is set by WhatsApp.</summary>
public sealed record CopyCodeButton(string Example) : TemplateButton
{
    public override string Type => CopyCodeType;

    public override string? Label => null;

    public override TemplateButton WithLabel(string label) => this;
}
