namespace Concierge.Skills.Templates;

/// <summary>A QUICK_REPLY button: a label the user taps to answer.</summary>
public sealed record QuickReplyButton(string Text) : TemplateButton
{
    public override string Type => QuickReplyType;

    public override string? Label => Text;

    public override TemplateButton WithLabel(string label) => this with { Text = label };
}
