using System.Text.RegularExpressions;
using static Concierge.Skills.Templates.TemplateRules;

namespace Concierge.Skills.Templates;

/// <summary>
/// Checks a <see cref="TemplateDraft"/> against every rule of TEMPLATE-RULES.md. Where Meta's rule is
/// unconfirmed it takes the stricter side. Violations carry the rule code, a human sentence and the
/// JSON path (in <see cref="TemplateDraftJson"/>'s shape) of what broke it.
/// </summary>
public sealed partial class TemplateValidator
{
    public TemplateValidator()
        : this(TemplateLanguages.Default)
    {
    }

    public TemplateValidator(TemplateLanguages languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        Languages = languages;
    }

    /// <summary>A validator with Meta's default language list.</summary>
    public static TemplateValidator Default { get; } = new();

    public TemplateLanguages Languages { get; }

    [GeneratedRegex("^[a-z0-9_]{1,512}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>Every violation of the draft, errors and advice, in a stable order.</summary>
    public IReadOnlyList<RuleViolation> Validate(TemplateDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var found = new List<RuleViolation>();
        CheckName(draft, found);
        CheckCategory(draft, found);
        CheckLanguage(draft, found);
        CheckComponentCounts(draft, found);

        for (var i = 0; i < draft.Components.Count; i++)
        {
            var path = $"components[{i}]";
            switch (draft.Components[i])
            {
                case HeaderComponent header when draft.IsAuthentication:
                    found.Add(new(AuthNoMedia, header.Format == HeaderFormat.Text
                        ? "AUTHENTICATION templates take no header: Meta presets their text."
                        : $"AUTHENTICATION templates take no media: remove the {header.Format} header.", path));
                    break;
                case HeaderComponent header:
                    CheckHeader(header, path, found);
                    break;
                case BodyComponent body when draft.IsAuthentication:
                    CheckAuthBody(body, path, found);
                    break;
                case BodyComponent body:
                    CheckBody(body, path, found);
                    break;
                case FooterComponent footer when draft.IsAuthentication:
                    CheckAuthFooter(footer, path, found);
                    break;
                case FooterComponent footer:
                    CheckFooter(footer, path, found);
                    break;
                case ButtonsComponent buttons when draft.IsAuthentication:
                    CheckAuthButtons(buttons, path, found);
                    break;
                case ButtonsComponent buttons:
                    CheckButtons(buttons, path, found);
                    break;
            }
        }

        CheckParameterFormat(draft, found);
        if (draft.IsAuthentication)
        {
            CheckOneOtpButton(draft, found);
        }

        if (draft.Category == TemplateCategory.Marketing)
        {
            CheckOptOut(draft, found);
        }

        return found;
    }

    /// <summary>True when the draft has no error (advice does not count).</summary>
    public bool IsValid(TemplateDraft draft) => !Validate(draft).Any(v => v.IsError);

    private static void CheckName(TemplateDraft draft, List<RuleViolation> found)
    {
        if (string.IsNullOrEmpty(draft.Name))
        {
            found.Add(new(NameFormat, "The template has no name yet.", "name"));
        }
        else if (draft.Name.Length > MaxNameLength)
        {
            found.Add(new(NameFormat, $"The template name is {draft.Name.Length} characters; the limit is {MaxNameLength}.", "name"));
        }
        else if (!NamePattern().IsMatch(draft.Name))
        {
            found.Add(new(NameFormat,
                $"The template name {TemplateText.Quote(draft.Name)} may only use lowercase letters a-z, digits and underscores (for example '{TemplateNames.Normalize(draft.Name)}').",
                "name"));
        }
    }

    private static void CheckCategory(TemplateDraft draft, List<RuleViolation> found)
    {
        if (string.IsNullOrEmpty(draft.Category))
        {
            found.Add(new(CategoryValue, "The template has no category yet: MARKETING, UTILITY or AUTHENTICATION.", "category"));
        }
        else if (!TemplateCategory.All.Contains(draft.Category, StringComparer.Ordinal))
        {
            found.Add(new(CategoryValue,
                $"The category {TemplateText.Quote(draft.Category)} is not one of MARKETING, UTILITY or AUTHENTICATION (written in upper case).",
                "category"));
        }
    }

    private void CheckLanguage(TemplateDraft draft, List<RuleViolation> found)
    {
        if (string.IsNullOrEmpty(draft.Language))
        {
            found.Add(new(LanguageCode, "The template has no language yet (a Meta language code such as en_US, es or pt_BR).", "language"));
        }
        else if (!Languages.Contains(draft.Language))
        {
            var suggestion = Languages.Normalize(draft.Language);
            found.Add(new(LanguageCode, suggestion is null
                ? $"The language {TemplateText.Quote(draft.Language)} is not a WhatsApp template language code (such as en_US, es or pt_BR)."
                : $"The language {TemplateText.Quote(draft.Language)} must be written as Meta's code '{suggestion}'.",
                "language"));
        }
    }

    private static void CheckComponentCounts(TemplateDraft draft, List<RuleViolation> found)
    {
        var bodies = draft.Components.Count(c => c is BodyComponent);
        if (bodies == 0)
        {
            found.Add(new(BodyRequired, "The template has no BODY; every template needs exactly one.", "components"));
        }
        else if (bodies > 1)
        {
            found.Add(new(BodyRequired, $"The template has {bodies} BODY components; it must have exactly one.", "components"));
        }

        var headers = draft.Components.Count(c => c is HeaderComponent);
        if (headers > 1)
        {
            found.Add(new(HeaderCount, $"The template has {headers} HEADER components; it may have at most one.", "components"));
        }

        var footers = draft.Components.Count(c => c is FooterComponent);
        if (footers > 1)
        {
            found.Add(new(draft.IsAuthentication ? AuthFooter : FooterText,
                $"The template has {footers} FOOTER components; it may have at most one.", "components"));
        }

        var buttonGroups = draft.Components.Count(c => c is ButtonsComponent);
        if (buttonGroups > 1)
        {
            found.Add(new(draft.IsAuthentication ? AuthButton : ButtonsCount,
                $"The template has {buttonGroups} BUTTONS components; all buttons go in a single one.", "components"));
        }
    }

    private static void CheckHeader(HeaderComponent header, string path, List<RuleViolation> found)
    {
        if (!HeaderFormat.All.Contains(header.Format, StringComparer.Ordinal))
        {
            found.Add(new(HeaderCount,
                $"The header format {TemplateText.Quote(header.Format)} is not supported; use TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION.",
                $"{path}.format"));
            return;
        }

        if (header.Format != HeaderFormat.Text)
        {
            if (!string.IsNullOrEmpty(header.Text))
            {
                found.Add(new(HeaderText, $"A {header.Format} header carries no text; use a TEXT header for words.", $"{path}.text"));
            }

            if (HeaderFormat.IsMedia(header.Format) && string.IsNullOrWhiteSpace(header.MediaHandle))
            {
                found.Add(new(HeaderCount,
                    $"The {header.Format} header needs an example: a header_handle from Meta's Resumable Upload API (a public URL is not accepted).",
                    $"{path}.example"));
            }

            return;
        }

        var text = header.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            found.Add(new(HeaderText, "The TEXT header has no text.", $"{path}.text"));
            return;
        }

        if (text.Length > MaxHeaderTextLength)
        {
            found.Add(new(HeaderText, $"The header {TemplateText.Quote(text)} is {text.Length} characters; the limit is {MaxHeaderTextLength}.", $"{path}.text"));
        }

        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
        {
            found.Add(new(HeaderText, "The header has a line break; a header is a single line.", $"{path}.text"));
        }

        if (TemplateText.ContainsEmoji(text))
        {
            found.Add(new(HeaderText, $"The header {TemplateText.Quote(text)} has an emoji; headers cannot show emoji.", $"{path}.text"));
        }

        var markdown = TemplateText.MaskVariables(text, ' ').Where(c => c is '*' or '_' or '~' or '`').Distinct().ToArray();
        if (markdown.Length > 0)
        {
            found.Add(new(HeaderText,
                $"The header uses the formatting character{(markdown.Length > 1 ? "s" : "")} {string.Join(" ", markdown.Select(c => $"'{c}'"))}; headers cannot use *, _, ~ or `.",
                $"{path}.text"));
        }

        var variables = TemplateText.Variables(text);
        if (variables.Count > 1)
        {
            found.Add(new(HeaderText, $"The header has {variables.Count} variables; a header may have at most one.", $"{path}.text"));
        }

        CheckVariables(text, header.Examples, header.NamedExamples, path, "header", isBody: false, found);
    }

    private static void CheckBody(BodyComponent body, string path, List<RuleViolation> found)
    {
        if (body.AddSecurityRecommendation is not null)
        {
            found.Add(new(AuthBody, "add_security_recommendation belongs only to AUTHENTICATION templates.", $"{path}.add_security_recommendation"));
        }

        var text = body.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            found.Add(new(BodyRequired, "The BODY has no text.", $"{path}.text"));
            return;
        }

        if (text.Length > MaxBodyLength)
        {
            found.Add(new(BodyLength, $"The body is {text.Length} characters; the limit is {MaxBodyLength}.", $"{path}.text"));
        }

        CheckVariables(text, body.Examples, body.NamedExamples, path, "body", isBody: true, found);
    }

    private static void CheckFooter(FooterComponent footer, string path, List<RuleViolation> found)
    {
        if (footer.CodeExpirationMinutes is not null)
        {
            found.Add(new(AuthFooter, "code_expiration_minutes belongs only to AUTHENTICATION templates.", $"{path}.code_expiration_minutes"));
        }

        var text = footer.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            found.Add(new(FooterText, "The FOOTER has no text; remove it or give it a line of text.", $"{path}.text"));
            return;
        }

        if (text.Length > MaxFooterLength)
        {
            found.Add(new(FooterText, $"The footer {TemplateText.Quote(text)} is {text.Length} characters; the limit is {MaxFooterLength}.", $"{path}.text"));
        }

        if (TemplateText.HasVariableLike(text))
        {
            found.Add(new(FooterText, $"The footer {TemplateText.Quote(text)} has a variable; a footer is fixed text.", $"{path}.text"));
        }
    }
}
