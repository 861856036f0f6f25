using System.Text;
using static Concierge.Skills.Templates.TemplateRules;

namespace Concierge.Skills.Templates;

/// <summary>
/// Repairs the skill makes without asking, each stated in the reply as an <see cref="AppliedFix"/>:
/// a name that breaks name.format is normalised; a language written as <c>en-us</c> becomes <c>en_US</c>;
/// parameter_format follows the variables used; positional variables out of order are renumbered (examples
/// move along) and surplus examples dropped; a body that starts or ends with a variable gets a greeting or
/// a closing sentence in the template's language; a button label over 25 characters is shortened at a word.
/// Anything else is left for the validator to report (and the skill to ask about).
/// </summary>
public static class TemplateFixes
{
    private static readonly Dictionary<string, (string Greeting, string Closing)> Phrases = new(StringComparer.Ordinal)
    {
        ["en"] = ("Hello", "Thank you!"),
        ["es"] = ("Hola", "¡Gracias!"),
        ["pt"] = ("Olá", "Obrigado!"),
        ["fr"] = ("Bonjour", "Merci !"),
        ["de"] = ("Hallo", "Danke!"),
        ["it"] = ("Ciao", "Grazie!"),
        ["nl"] = ("Hallo", "Bedankt!"),
    };

    /// <summary>The language bases (en, es, pt, fr, de, it, nl) for which the greeting and closing fixes have words.</summary>
    public static IReadOnlyCollection<string> PhraseLanguages => Phrases.Keys;

    /// <param name="draft">The draft to repair.</param>
    /// <param name="language">Language of the added words (e.g. <c>es_MX</c>, <c>pt-BR</c>, <c>fr</c>); the draft's own when null, English when neither is known.</param>
    /// <param name="languages">Codes for the language fix; Meta's default list when null.</param>
    public static (TemplateDraft Fixed, IReadOnlyList<AppliedFix> Fixes) Apply(
        TemplateDraft draft,
        string? language = null,
        TemplateLanguages? languages = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        languages ??= TemplateLanguages.Default;
        var fixes = new List<AppliedFix>();

        draft = FixName(draft, fixes);
        draft = FixLanguage(draft, languages, fixes);
        draft = FixParameterFormat(draft, fixes);
        for (var i = 0; i < draft.Components.Count; i++)
        {
            draft = draft.Components[i] switch
            {
                HeaderComponent { Format: HeaderFormat.Text, Text: not null } header => draft.WithComponent(i, FixHeaderVariables(draft, header, fixes)),
                BodyComponent { Text: not null } body when !draft.IsAuthentication => draft.WithComponent(i, FixBody(draft, body, language, fixes)),
                ButtonsComponent buttons => draft.WithComponent(i, FixLabels(buttons, fixes)),
                _ => draft,
            };
        }

        return (draft, fixes);
    }

    private static TemplateDraft FixName(TemplateDraft draft, List<AppliedFix> fixes)
    {
        if (string.IsNullOrEmpty(draft.Name) || (draft.Name.Length <= MaxNameLength && draft.Name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_')))
        {
            return draft;
        }

        var name = TemplateNames.Normalize(draft.Name);
        fixes.Add(new(NameFormat,
            $"I changed the template name {TemplateText.Quote(draft.Name)} to '{name}': names use only lowercase letters, digits and underscores."));
        return draft with { Name = name };
    }

    private static TemplateDraft FixLanguage(TemplateDraft draft, TemplateLanguages languages, List<AppliedFix> fixes)
    {
        if (string.IsNullOrEmpty(draft.Language) || languages.Contains(draft.Language))
        {
            return draft;
        }

        var canonical = languages.Normalize(draft.Language);
        if (canonical is null)
        {
            return draft;
        }

        fixes.Add(new(LanguageCode, $"I wrote the language '{draft.Language}' as Meta's code '{canonical}'."));
        return draft with { Language = canonical };
    }

    private static TemplateDraft FixParameterFormat(TemplateDraft draft, List<AppliedFix> fixes)
    {
        var variables = draft.Components
            .SelectMany(c => c switch
            {
                HeaderComponent { Format: HeaderFormat.Text } h => TemplateText.Variables(h.Text),
                BodyComponent b when !draft.IsAuthentication => TemplateText.Variables(b.Text),
                _ => [],
            })
            .ToList();
        if (variables.Count == 0)
        {
            return draft;
        }

        var allNamed = variables.All(v => !v.IsPositional);
        var allPositional = variables.All(v => v.IsPositional);
        if (allNamed && draft.ParameterFormat != TemplateParameterFormat.Named)
        {
            fixes.Add(new(ParamsMixed, $"I set parameter_format to NAMED because the template uses named variables such as {variables[0].Token}."));
            return draft with { ParameterFormat = TemplateParameterFormat.Named };
        }

        if (allPositional && draft.ParameterFormat != TemplateParameterFormat.Positional)
        {
            fixes.Add(new(ParamsMixed, $"I set parameter_format to POSITIONAL because the template numbers its variables ({variables[0].Token})."));
            return draft with { ParameterFormat = TemplateParameterFormat.Positional };
        }

        return draft;
    }

    private static HeaderComponent FixHeaderVariables(TemplateDraft draft, HeaderComponent header, List<AppliedFix> fixes)
    {
        if (draft.ParameterFormat != TemplateParameterFormat.Positional)
        {
            return header;
        }

        var (text, examples) = Renumber(header.Text!, header.Examples, "header", fixes);
        examples = TrimSurplusExamples(text, examples, "header", fixes);
        return header with { Text = text, Examples = examples };
    }

    private static BodyComponent FixBody(TemplateDraft draft, BodyComponent body, string? language, List<AppliedFix> fixes)
    {
        var text = body.Text!;
        var examples = body.Examples;
        if (draft.ParameterFormat == TemplateParameterFormat.Positional)
        {
            (text, examples) = Renumber(text, examples, "body", fixes);
            examples = TrimSurplusExamples(text, examples, "body", fixes);
        }

        text = FixEdges(text, language ?? draft.Language, fixes);
        return body with { Text = text, Examples = examples };
    }

    /// <summary>Renumbers positional variables in order of appearance (each occurrence its own number); examples move along.</summary>
    private static (string Text, IReadOnlyList<string> Examples) Renumber(string text, IReadOnlyList<string> examples, string where, List<AppliedFix> fixes)
    {
        var variables = TemplateText.Variables(text);
        if (variables.Count == 0 || variables.Any(v => !v.IsPositional) || TemplateText.MalformedFragments(text).Count > 0)
        {
            return (text, examples);
        }

        var numbers = variables.Select(v => v.Number!.Value).ToList();
        if (numbers.Select((n, i) => n == i + 1).All(ok => ok))
        {
            return (text, examples);
        }

        var builder = new StringBuilder(text.Length + 8);
        var newExamples = new List<string>();
        var changes = new List<string>();
        var position = 0;
        for (var i = 0; i < variables.Count; i++)
        {
            var variable = variables[i];
            var old = variable.Number!.Value;
            var renumbered = i + 1;
            builder.Append(text, position, variable.Index - position).Append("{{").Append(renumbered).Append("}}");
            position = variable.End;
            newExamples.Add(old <= examples.Count ? examples[old - 1] : string.Empty);
            if (old != renumbered)
            {
                changes.Add($"{{{{{old}}}}} → {{{{{renumbered}}}}}");
            }
        }

        builder.Append(text, position, text.Length - position);
        while (newExamples.Count > 0 && newExamples[^1].Length == 0)
        {
            newExamples.RemoveAt(newExamples.Count - 1);
        }

        fixes.Add(new(ParamsSequence,
            $"I renumbered the {where}'s variables in order of appearance ({string.Join(", ", changes)}); their example values moved with them."));
        return (builder.ToString(), examples.Count == 0 ? examples : newExamples);
    }

    private static IReadOnlyList<string> TrimSurplusExamples(string text, IReadOnlyList<string> examples, string where, List<AppliedFix> fixes)
    {
        var variables = TemplateText.Variables(text);
        if (variables.Any(v => !v.IsPositional))
        {
            return examples;
        }

        var highest = variables.Count == 0 ? 0 : variables.Max(v => v.Number!.Value);
        if (examples.Count <= highest)
        {
            return examples;
        }

        var dropped = examples.Skip(highest).ToList();
        fixes.Add(new(ParamsExample,
            $"I removed {(dropped.Count == 1 ? "the example value" : $"{dropped.Count} example values")} {string.Join(", ", dropped.Select(d => $"'{d}'"))} from the {where}: no variable uses {(dropped.Count == 1 ? "it" : "them")}."));
        return examples.Take(highest).ToList();
    }

    private static string FixEdges(string text, string? language, List<AppliedFix> fixes)
    {
        var variables = TemplateText.Variables(text);
        if (variables.Count == 0 || !TryPhrases(language, out var phrases))
        {
            return text;
        }

        var last = variables[^1];
        if (!text[last.End..].Any(char.IsLetterOrDigit))
        {
            var trimmed = text.TrimEnd();
            var hasPunctuation = trimmed.Length > last.End;
            text = $"{trimmed}{(hasPunctuation ? string.Empty : ".")} {phrases.Closing}";
            fixes.Add(new(ParamsEdges,
                $"The body ended with the variable {last.Token}, which Meta rejects, so I added '{phrases.Closing}' at the end."));
        }

        var first = TemplateText.Variables(text)[0];
        if (!text[..first.Index].Any(char.IsLetterOrDigit))
        {
            text = $"{phrases.Greeting} {text.TrimStart()}";
            fixes.Add(new(ParamsEdges,
                $"The body started with the variable {first.Token}, which Meta rejects, so I put '{phrases.Greeting}' before it."));
        }

        return text;
    }

    private static bool TryPhrases(string? language, out (string Greeting, string Closing) phrases)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            phrases = Phrases["en"];
            return true;
        }

        var code = language.Trim().Replace('-', '_');
        var separator = code.IndexOf('_', StringComparison.Ordinal);
        var baseCode = (separator > 0 ? code[..separator] : code).ToLowerInvariant();
        return Phrases.TryGetValue(baseCode, out phrases);
    }

    private static ButtonsComponent FixLabels(ButtonsComponent component, List<AppliedFix> fixes)
    {
        var buttons = component.Buttons.ToArray();
        var changed = false;
        for (var i = 0; i < buttons.Length; i++)
        {
            var label = buttons[i].Label;
            if (label is null || label.Length <= MaxButtonLabelLength)
            {
                continue;
            }

            var shortened = ShortenLabel(label);
            buttons[i] = buttons[i].WithLabel(shortened);
            changed = true;
            fixes.Add(new(ButtonsText,
                $"I shortened the button label '{label}' ({label.Length} characters) to '{shortened}'; the limit is {MaxButtonLabelLength}."));
        }

        return changed ? component with { Buttons = buttons } : component;
    }

    /// <summary>The longest run of whole words that fits in 25 characters (a hard cut when the first word alone is longer).</summary>
    internal static string ShortenLabel(string label)
    {
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            var next = builder.Length == 0 ? word.Length : builder.Length + 1 + word.Length;
            if (next > MaxButtonLabelLength)
            {
                break;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(word);
        }

        var result = builder.ToString().TrimEnd(',', ';', ':', '-', '–', '—', '&', '/');
        var trimmed = label.Trim();
        return result.Length > 0 ? result : trimmed[..Math.Min(trimmed.Length, MaxButtonLabelLength)].TrimEnd();
    }
}
