namespace Concierge.Skills.Templates;

/// <summary>
/// The one button of an AUTHENTICATION template. ONE_TAP and ZERO_TAP need <see cref="SupportedApps"/>;
/// ZERO_TAP also needs <see cref="ZeroTapTermsAccepted"/>.
/// </summary>
public sealed record OtpButton(string OtpType) : TemplateButton
{
    public override string Type => OtpButtonType;

    /// <summary>Optional label of the copy-code button.</summary>
    public string? Text { get; init; }

    public IReadOnlyList<SupportedApp> SupportedApps { get; init; } = [];

    public bool ZeroTapTermsAccepted { get; init; }

    public override string? Label => Text;

    public override TemplateButton WithLabel(string label) => this with { Text = label };
}
