using System.Text.RegularExpressions;
using static Concierge.Skills.Templates.TemplateRules;

namespace Concierge.Skills.Templates;

public sealed partial class TemplateValidator
{
    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164Pattern();

    private static void CheckButtons(ButtonsComponent component, string path, List<RuleViolation> found)
    {
        var buttons = component.Buttons;
        if (buttons.Count == 0)
        {
            found.Add(new(ButtonsCount, "The BUTTONS component has no buttons; remove it or add one.", $"{path}.buttons"));
            return;
        }

        if (buttons.Count > MaxButtons)
        {
            found.Add(new(ButtonsCount, $"The template has {buttons.Count} buttons; the limit is {MaxButtons}.", $"{path}.buttons"));
        }

        for (var i = 0; i < buttons.Count; i++)
        {
            var buttonPath = $"{path}.buttons[{i}]";
            var button = buttons[i];
            if (button is not CopyCodeButton and not OtpButton { Text: null })
            {
                CheckLabel(button.Label, buttonPath, found);
            }

            switch (button)
            {
                case UrlButton url:
                    CheckUrl(url, buttonPath, found);
                    break;
                case PhoneNumberButton phone:
                    CheckPhone(phone, buttonPath, found);
                    break;
                case CopyCodeButton copy:
                    CheckCopyCode(copy, buttonPath, found);
                    break;
                case OtpButton:
                    found.Add(new(AuthButton, "An OTP button belongs only to AUTHENTICATION templates.", buttonPath));
                    break;
            }
        }

        CheckQuickReplies(buttons, path, found);
        CheckTypeCount<UrlButton>(buttons, MaxUrlButtons, ButtonsUrl, "URL buttons", path, found);
        CheckTypeCount<PhoneNumberButton>(buttons, MaxPhoneButtons, ButtonsPhone, "phone-number buttons", path, found);
        CheckTypeCount<CopyCodeButton>(buttons, MaxCopyCodeButtons, ButtonsCopyCode, "copy-code buttons", path, found);
    }

    private static void CheckTypeCount<T>(IReadOnlyList<TemplateButton> buttons, int max, string code, string what, string path, List<RuleViolation> found)
        where T : TemplateButton
    {
        var count = buttons.Count(b => b is T);
        if (count > max)
        {
            found.Add(new(code, $"The template has {count} {what}; the limit is {max}.", $"{path}.buttons"));
        }
    }

    private static void CheckLabel(string? label, string path, List<RuleViolation> found)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            found.Add(new(ButtonsText, "A button has no label; give it 1 to 25 characters.", $"{path}.text"));
            return;
        }

        if (label.Length > MaxButtonLabelLength)
        {
            found.Add(new(ButtonsText, $"The button label '{label}' is {label.Length} characters; the limit is {MaxButtonLabelLength}.", $"{path}.text"));
        }

        if (TemplateText.HasVariableLike(label) || label.Contains('{', StringComparison.Ordinal) || label.Contains('}', StringComparison.Ordinal))
        {
            found.Add(new(ButtonsText, $"The button label '{label}' has a variable; button labels are fixed text.", $"{path}.text"));
        }
    }

    private static void CheckQuickReplies(IReadOnlyList<TemplateButton> buttons, string path, List<RuleViolation> found)
    {
        var quickReplies = buttons.Count(b => b is QuickReplyButton);
        if (quickReplies > MaxQuickReplies)
        {
            found.Add(new(ButtonsQuickReply, $"The template has {quickReplies} quick-reply buttons; the limit is {MaxQuickReplies}.", $"{path}.buttons"));
        }

        if (quickReplies == 0)
        {
            return;
        }

        var first = -1;
        var last = -1;
        for (var i = 0; i < buttons.Count; i++)
        {
            if (buttons[i] is QuickReplyButton)
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        if (last - first + 1 != quickReplies)
        {
            var order = string.Join(", ", buttons.Select(b => b.Type));
            found.Add(new(ButtonsQuickReply,
                $"The quick replies are split by other buttons ({order}); put all quick replies together, before or after the other buttons.",
                $"{path}.buttons"));
        }
    }

    private static void CheckUrl(UrlButton button, string path, List<RuleViolation> found)
    {
        var url = button.Url;
        if (string.IsNullOrWhiteSpace(url))
        {
            found.Add(new(ButtonsUrl, $"The URL button '{button.Text}' has no url.", $"{path}.url"));
            return;
        }

        if (url.Length > MaxUrlLength)
        {
            found.Add(new(ButtonsUrl, $"The url of button '{button.Text}' is {url.Length} characters; the limit is {MaxUrlLength}.", $"{path}.url"));
        }

        var staticPart = url.EndsWith("{{1}}", StringComparison.Ordinal) ? url[..^"{{1}}".Length] : url;
        var schemeOk = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        if (!schemeOk || !Uri.TryCreate(staticPart + (staticPart == url ? string.Empty : "x"), UriKind.Absolute, out var parsed) || string.IsNullOrEmpty(parsed.Host) || url.Any(char.IsWhiteSpace))
        {
            found.Add(new(ButtonsUrl, $"The url {TemplateText.Quote(url, 60)} of button '{button.Text}' must be a full web address starting with https:// or http://.", $"{path}.url"));
        }

        var braces = url.Count(c => c == '{');
        var hasVariable = staticPart != url;
        if (staticPart.Contains('{', StringComparison.Ordinal) || staticPart.Contains('}', StringComparison.Ordinal))
        {
            found.Add(new(ButtonsUrl,
                braces > 2 && hasVariable
                    ? $"The url of button '{button.Text}' has more than one variable; it may have one, {{{{1}}}}, at the very end."
                    : $"The url of button '{button.Text}' may have only one variable, {{{{1}}}}, and only at the very end.",
                $"{path}.url"));
        }
        else if (hasVariable && string.IsNullOrWhiteSpace(button.Example))
        {
            found.Add(new(ButtonsUrl,
                $"The url of button '{button.Text}' ends with {{{{1}}}} but has no example; give an example value for it (for example an order number).",
                $"{path}.example"));
        }
    }

    private static void CheckPhone(PhoneNumberButton button, string path, List<RuleViolation> found)
    {
        var phone = button.PhoneNumber;
        if (string.IsNullOrWhiteSpace(phone))
        {
            found.Add(new(ButtonsPhone, $"The phone button '{button.Text}' has no phone_number.", $"{path}.phone_number"));
        }
        else if (phone.Length > MaxPhoneNumberLength)
        {
            found.Add(new(ButtonsPhone, $"The phone number '{phone}' is {phone.Length} characters; the limit is {MaxPhoneNumberLength}.", $"{path}.phone_number"));
        }
        else if (!E164Pattern().IsMatch(phone))
        {
            found.Add(new(ButtonsPhone,
                $"The phone number '{phone}' must be in international form: '+', the country code and the number, digits only (for example +14155550123).",
                $"{path}.phone_number"));
        }
    }

    private static void CheckCopyCode(CopyCodeButton button, string path, List<RuleViolation> found)
    {
        if (string.IsNullOrWhiteSpace(button.Example))
        {
            found.Add(new(ButtonsCopyCode, "The copy-code button has no example code.", $"{path}.example"));
        }
        else if (button.Example.Length > MaxCopyCodeExampleLength)
        {
            found.Add(new(ButtonsCopyCode,
                $"The copy-code example '{button.Example}' is {button.Example.Length} characters; the limit is {MaxCopyCodeExampleLength}.",
                $"{path}.example"));
        }
    }
}
