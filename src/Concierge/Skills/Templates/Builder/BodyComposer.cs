using System.Text;
using System.Text.RegularExpressions;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// Writes a BODY in the template's language from the purpose and the variables: a greeting (with the
/// customer's name when it is a variable), the purpose's sentence, a sentence for each variable the
/// purpose has no place for, a line about the button, a closing. It never starts or ends with a
/// variable and keeps well over three words of text per variable (params.edges, params.ratio).
/// </summary>
internal static partial class BodyComposer
{
    [GeneratedRegex(@"\[([^\[\]]*)\]")]
    private static partial Regex Segment();

    [GeneratedRegex(@"\{(@?[a-z_]+)\}")]
    private static partial Regex Token();

    public sealed record Composed(string Text, IReadOnlyList<string> Examples, IReadOnlyList<string> UsedVariables);

    public static Composed Compose(PurposeKind kind, IReadOnlyList<string> variables, string language, string? businessType, bool urlButton, bool phoneButton)
    {
        var lang = LanguageSense.BaseOf(language);
        var business = BusinessTypes.Phrase(businessType, lang);
        var available = new HashSet<string>(variables, StringComparer.Ordinal);
        if (business is not null)
        {
            available.Add("@business");
        }

        var greeting = Resolve(lang switch
        {
            "es" => "[Hola {customer_name}, |¡Hola! ]",
            "pt" => "[Olá, {customer_name}! |Olá! ]",
            "fr" => "[Bonjour {customer_name}, |Bonjour ! ]",
            _ => "[Hello {customer_name}, |Hello! ]",
        }, available);

        var text = new StringBuilder(greeting);
        text.Append(Resolve(PurposeKinds.Pick(kind.Sentences, lang), available)).Append('.');
        var used = Token().Matches(text.ToString()).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var variable in variables.Where(v => !used.Contains(v)))
        {
            var sentence = VariableKinds.DetailSentence(variable, lang);
            if (sentence.Length > 0)
            {
                text.Append(' ').Append(sentence);
            }
        }

        if (urlButton)
        {
            text.Append(' ').Append(PurposeKinds.Pick(kind.UrlLines, lang));
        }
        else if (phoneButton)
        {
            text.Append(' ').Append(PurposeKinds.Pick(PurposeKinds.PhoneLines, lang));
        }

        text.Append(' ').Append(PurposeKinds.Pick(kind.Closings, lang));
        return Number(Capitalise(text.ToString()), language, business);
    }

    /// <summary>Keeps the segments whose tokens are available and picks between alternatives.</summary>
    private static string Resolve(string pattern, HashSet<string> available)
    {
        return Segment().Replace(pattern, m =>
        {
            foreach (var option in m.Groups[1].Value.Split('|'))
            {
                if (Token().Matches(option).All(t => available.Contains(t.Groups[1].Value)))
                {
                    return option;
                }
            }

            return string.Empty;
        });
    }

    /// <summary>Replaces tokens by {{1}}, {{2}}... in order of appearance, with an example for each.</summary>
    private static Composed Number(string text, string language, string? business)
    {
        var examples = new List<string>();
        var kinds = new List<string>();
        var numbered = Token().Replace(text, m =>
        {
            var kind = m.Groups[1].Value;
            if (kind == "@business")
            {
                return business ?? string.Empty;
            }

            kinds.Add(kind);
            examples.Add(VariableKinds.Example(kind, language));
            return "{{" + kinds.Count + "}}";
        });
        return new Composed(numbered, examples, kinds);
    }

    /// <summary>Upper-cases the first letter of the text and of every sentence ("Hello! your order" → "Hello! Your order").</summary>
    internal static string Capitalise(string text)
    {
        var chars = text.ToCharArray();
        var sentenceStart = true;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsLetter(c))
            {
                if (sentenceStart)
                {
                    chars[i] = char.ToUpperInvariant(c);
                }

                sentenceStart = false;
            }
            else if (c is '.' or '!' or '?')
            {
                sentenceStart = true;
            }
            else if (c == '{' || char.IsDigit(c))
            {
                sentenceStart = false;
            }
        }

        return new string(chars);
    }
}
