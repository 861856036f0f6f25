using System.Text.RegularExpressions;
using static Concierge.Skills.Templates.TemplateRules;

namespace Concierge.Skills.Templates;

public sealed partial class TemplateValidator
{
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex PackageNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9+/=]{11}$", RegexOptions.CultureInvariant)]
    private static partial Regex SignatureHashPattern();

    private static readonly string[] OptOutWords =
    [
        "stop", "opt out", "opt-out", "optout", "unsubscribe", "baja", "parar", "sair", "cancelar",
        "désabonner", "desabonner", "désinscri", "desinscri", "abmelden", "abbestellen", "disiscriv",
    ];

    private static void CheckAuthBody(BodyComponent body, string path, List<RuleViolation> found)
    {
        if (!string.IsNullOrEmpty(body.Text))
        {
            found.Add(new(AuthBody,
                "An AUTHENTICATION body carries no text: Meta writes '<code> is your verification code.' itself. Only add_security_recommendation can be set.",
                $"{path}.text"));
        }

        if (body.Examples.Count > 0 || body.NamedExamples.Count > 0)
        {
            found.Add(new(AuthBody, "An AUTHENTICATION body carries no examples; Meta fills in the code.", $"{path}.example"));
        }
    }

    private static void CheckAuthFooter(FooterComponent footer, string path, List<RuleViolation> found)
    {
        if (!string.IsNullOrEmpty(footer.Text))
        {
            found.Add(new(AuthFooter,
                "An AUTHENTICATION footer carries no text, only code_expiration_minutes (Meta writes 'This code expires in N minutes.').",
                $"{path}.text"));
        }

        if (footer.CodeExpirationMinutes is null)
        {
            if (string.IsNullOrEmpty(footer.Text))
            {
                found.Add(new(AuthFooter, "The AUTHENTICATION footer has no code_expiration_minutes; give 1 to 90 minutes or remove the footer.", $"{path}.code_expiration_minutes"));
            }
        }
        else if (footer.CodeExpirationMinutes is < MinCodeExpirationMinutes or > MaxCodeExpirationMinutes)
        {
            found.Add(new(AuthFooter,
                $"code_expiration_minutes is {footer.CodeExpirationMinutes}; it must be between {MinCodeExpirationMinutes} and {MaxCodeExpirationMinutes}.",
                $"{path}.code_expiration_minutes"));
        }
    }

    private static void CheckAuthButtons(ButtonsComponent component, string path, List<RuleViolation> found)
    {
        for (var i = 0; i < component.Buttons.Count; i++)
        {
            var buttonPath = $"{path}.buttons[{i}]";
            switch (component.Buttons[i])
            {
                case OtpButton otp:
                    CheckOtp(otp, buttonPath, found);
                    break;
                case UrlButton url:
                    found.Add(new(AuthNoMedia, $"AUTHENTICATION templates cannot carry URLs: remove the URL button '{url.Text}'.", buttonPath));
                    break;
                case var other:
                    found.Add(new(AuthButton,
                        $"AUTHENTICATION templates take exactly one OTP button; remove the {other.Type} button{(other.Label is null ? "" : $" '{other.Label}'")}.",
                        buttonPath));
                    break;
            }
        }
    }

    private static void CheckOtp(OtpButton otp, string path, List<RuleViolation> found)
    {
        if (otp.Text is not null)
        {
            CheckLabel(otp.Text, path, found);
            if (TemplateText.ContainsEmoji(otp.Text))
            {
                found.Add(new(AuthNoMedia, $"The button label '{otp.Text}' has an emoji; AUTHENTICATION templates cannot use emoji.", $"{path}.text"));
            }
        }

        if (!OtpType.All.Contains(otp.OtpType, StringComparer.Ordinal))
        {
            found.Add(new(AuthButton,
                $"The otp_type {TemplateText.Quote(otp.OtpType ?? string.Empty)} is not one of COPY_CODE, ONE_TAP or ZERO_TAP.",
                $"{path}.otp_type"));
            return;
        }

        if (otp.OtpType == OtpType.CopyCode)
        {
            if (otp.SupportedApps.Count > 0)
            {
                found.Add(new(AuthButton, "A COPY_CODE OTP button takes no supported_apps; use ONE_TAP or ZERO_TAP for app autofill.", $"{path}.supported_apps"));
            }

            return;
        }

        if (otp.SupportedApps.Count == 0)
        {
            found.Add(new(AuthButton,
                $"A {otp.OtpType} button needs supported_apps: the Android package name and 11-character signature hash of your app.",
                $"{path}.supported_apps"));
        }
        else if (otp.SupportedApps.Count > MaxSupportedApps)
        {
            found.Add(new(AuthButton, $"The OTP button lists {otp.SupportedApps.Count} supported apps; the limit is {MaxSupportedApps}.", $"{path}.supported_apps"));
        }

        for (var i = 0; i < otp.SupportedApps.Count && i < 20; i++)
        {
            var app = otp.SupportedApps[i];
            var appPath = $"{path}.supported_apps[{i}]";
            if (string.IsNullOrEmpty(app.PackageName) || app.PackageName.Length > MaxPackageNameLength || !PackageNamePattern().IsMatch(app.PackageName))
            {
                found.Add(new(AuthButton,
                    $"The package name {TemplateText.Quote(app.PackageName ?? string.Empty)} is not an Android package name (like com.example.app: at least two dot-separated parts, each starting with a letter).",
                    $"{appPath}.package_name"));
            }

            if (string.IsNullOrEmpty(app.SignatureHash) || !SignatureHashPattern().IsMatch(app.SignatureHash))
            {
                found.Add(new(AuthButton,
                    $"The signature hash {TemplateText.Quote(app.SignatureHash ?? string.Empty)} must be exactly {SignatureHashLength} characters of A-Z, a-z, 0-9, +, / or =.",
                    $"{appPath}.signature_hash"));
            }
        }

        if (otp.OtpType == OtpType.ZeroTap && !otp.ZeroTapTermsAccepted)
        {
            found.Add(new(AuthButton,
                "A ZERO_TAP button needs zero_tap_terms_accepted: true (the business accepts Meta's zero-tap terms); without it Meta does not create the template.",
                $"{path}.zero_tap_terms_accepted"));
        }
    }

    private static void CheckOneOtpButton(TemplateDraft draft, List<RuleViolation> found)
    {
        var otpButtons = draft.Components.OfType<ButtonsComponent>().SelectMany(b => b.Buttons).Count(b => b is OtpButton);
        if (otpButtons == 0)
        {
            found.Add(new(AuthButton,
                "An AUTHENTICATION template needs one OTP button (otp_type COPY_CODE, ONE_TAP or ZERO_TAP).",
                "components"));
        }
        else if (otpButtons > 1)
        {
            found.Add(new(AuthButton, $"The template has {otpButtons} OTP buttons; an AUTHENTICATION template has exactly one.", "components"));
        }
    }

    private static void CheckOptOut(TemplateDraft draft, List<RuleViolation> found)
    {
        var places = draft.Components.OfType<FooterComponent>().Select(f => f.Text)
            .Concat(draft.Components.OfType<ButtonsComponent>().SelectMany(b => b.Buttons).OfType<QuickReplyButton>().Select(q => q.Text))
            .Concat(draft.Components.OfType<BodyComponent>().Select(b => b.Text));
        var hasOptOut = places.Any(text => text is not null && OptOutWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)));
        if (!hasOptOut)
        {
            found.Add(new(MarketingOptOut,
                "Consider an opt-out for marketing messages: a quick reply 'Stop promotions' or a footer such as 'Reply STOP to opt out'.",
                "components",
                RuleSeverity.Advice));
        }
    }
}
