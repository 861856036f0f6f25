namespace Concierge.Skills.Templates;

/// <summary>A PHONE_NUMBER button: calls <see cref="PhoneNumber"/> (E.164, e.g. <c>+15550001234</c>).</summary>
public sealed record PhoneNumberButton(string Text, string PhoneNumber) : TemplateButton
{
    public override string Type => PhoneNumberType;

    public override string? Label => Text;

    public override TemplateButton WithLabel(string label) => this with { Text = label };
}
