namespace Concierge.Skills.Templates;

/// <summary>A button of the BUTTONS component: <see cref="QuickReplyButton"/>, <see cref="UrlButton"/>,
/// <see cref="PhoneNumberButton"/>, <see cref="CopyCodeButton"/> or <see cref="OtpButton"/>.</summary>
public abstract record TemplateButton
{
    public const string QuickReplyType = "QUICK_REPLY";
    public const string UrlType = "URL";
    public const string PhoneNumberType = "PHONE_NUMBER";
    public const string CopyCodeType = "COPY_CODE";
    public const string OtpButtonType = "OTP";

    private protected TemplateButton()
    {
    }

    /// <summary>Meta's button <c>type</c>.</summary>
    public abstract string Type { get; }

    /// <summary>The label the user sees, when the button type has one (COPY_CODE has none; OTP's is optional).</summary>
    public abstract string? Label { get; }

    /// <summary>A copy with another label (a COPY_CODE button, which has none, is returned unchanged).</summary>
    public abstract TemplateButton WithLabel(string label);
}
