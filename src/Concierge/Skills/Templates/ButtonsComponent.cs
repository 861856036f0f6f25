namespace Concierge.Skills.Templates;

/// <summary>The BUTTONS component: Meta's single wrapper around all of a template's buttons.</summary>
public sealed record ButtonsComponent : TemplateComponent
{
    public ButtonsComponent()
    {
    }

    public ButtonsComponent(IReadOnlyList<TemplateButton> buttons)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        Buttons = buttons;
    }

    public override string Type => ButtonsType;

    public IReadOnlyList<TemplateButton> Buttons { get; init; } = [];
}
