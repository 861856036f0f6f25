using System.Text.RegularExpressions;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// A body composed from the user's own description when no stock purpose fits (issue 18): "tell
/// customers about our new sourdough, 20% off this weekend" becomes "Hello {{1}}! Our new sourdough,
/// 20% off this weekend. Don't miss it!". The words are the user's; only the greeting and the
/// closing are the builder's.
/// </summary>
internal static partial class DescribedBody
{
    [GeneratedRegex(@"^(?:(?:to|para|pour|a|que)\s+)?(?:(?:tell|let|inform|notify|remind|alert|update|message|text|send|announce(?:\s+to)?|avisar(?:les|le)?|avisa|informar(?:les|le)?|informa|recordar(?:les|le)?|anunciar|contar(?:les|le)?|decir(?:les|le)?|notificar|lembrar|comunicar|dizer|informer|annoncer|rappeler|pr[eé]venir|dire)\s+(?:(?:a|aos|os|as|los|las|les|aux|à|al|the|our|my|mis|nuestros|nuestras|nossos|nossas|meus|minhas|nos|mes)\s+){0,2}(?:customers?|clients?|clientes|people|users?|members?|patients?|guests?|subscribers?|students?|tenants?|usuarios|usu[aá]rios|pacientes|miembros|socios|membros|assinantes|alunos|alumnos|inquilinos|membres|abonn[eé]s|[eé]l[eè]ves|locataires|utilisateurs|them|everyone)?\s*(?:know\s+)?(?:about|that|of|when|que|de|sobre|do|da|des|du|qu')?\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex Instruction();

    /// <summary>True when the purpose is a description of a few words the body can be written from.</summary>
    public static bool CanCompose(string? purpose) =>
        purpose is not null && !purpose.Contains('{', StringComparison.Ordinal) && TextScan.WordCount(Sentence(purpose)) >= 2;

    public static BodyComponent Compose(string purpose, string category, string language)
    {
        var lang = LanguageSense.BaseOf(language);
        var greeting = lang switch { "es" => "¡Hola {{1}}!", "pt" => "Olá, {{1}}!", "fr" => "Bonjour {{1}},", _ => "Hello {{1}}!" };
        var closing = (category == TemplateCategory.Marketing, lang) switch
        {
            (true, "es") => "¡No te lo pierdas!",
            (true, "pt") => "Não perca!",
            (true, "fr") => "À très bientôt !",
            (true, _) => "Don't miss it!",
            (false, "es") => "Responde a este mensaje si tienes alguna pregunta.",
            (false, "pt") => "Responda a esta mensagem se tiver alguma dúvida.",
            (false, "fr") => "Répondez à ce message si vous avez des questions.",
            _ => "Reply to this message if you have any questions.",
        };
        var sentence = Addressed(Sentence(purpose), lang);
        sentence = char.ToUpperInvariant(sentence[0]) + sentence[1..];
        if (!sentence.EndsWith('.') && !sentence.EndsWith('!') && !sentence.EndsWith('?'))
        {
            sentence += ".";
        }

        // A bare noun phrase ("loyalty program anniversary") reads as news about it; a description as itself.
        if (TextScan.WordCount(sentence) <= 4 && !sentence.Any(char.IsDigit) && !sentence.Contains(',', StringComparison.Ordinal))
        {
            var topic = sentence.TrimEnd('.', '!', '?');
            sentence = lang switch
            {
                "es" => $"Tenemos novedades sobre {topic}.",
                "pt" => $"Temos novidades sobre {topic}.",
                "fr" => $"Nous avons du nouveau : {topic}.",
                _ => $"We have news about our {Lower(topic)}.",
            };
        }

        return new BodyComponent { Text = $"{greeting} {sentence} {closing}", Examples = [VariableKinds.Example(VariableKinds.CustomerName, language)] };
    }

    [GeneratedRegex(@"\b(?<a>o|a|os|as)\s+(?<n>\p{L}+)\s+(?:dele|dela|deles|delas)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PortugueseThirdPerson();

    /// <summary>Third-person references to the customer, in each language, and the second person that replaces them.</summary>
    private static readonly Dictionary<string, (string From, string To)[]> SecondPerson = new(StringComparer.Ordinal)
    {
        ["en"] = [("his or her", "your"), ("his/her", "your"), ("her/his", "your"), ("their", "your"), ("theirs", "yours"), ("they're", "you're"), ("they are", "you are"), ("they have", "you have"), ("they were", "you were"), ("themselves", "yourself"), ("they", "you"), ("them", "you")],
        ["es"] = [("de ellos", string.Empty), ("de ellas", string.Empty)],
        ["fr"] = [("leurs", "vos"), ("leur", "votre"), ("ils sont", "vous êtes"), ("elles sont", "vous êtes"), ("ils ont", "vous avez"), ("elles ont", "vous avez")],
    };

    /// <summary>
    /// The description is about the customers ("their membership renews"); the message is to one of them, so
    /// it says "your membership renews" (es "su" already addresses them as usted; pt "a consulta deles" is "a sua consulta").
    /// </summary>
    internal static string Addressed(string sentence, string lang)
    {
        if (lang == "pt")
        {
            return PortugueseThirdPerson().Replace(sentence, m => $"{m.Groups["a"].Value} {Possessive(m.Groups["a"].Value)} {m.Groups["n"].Value}");
        }

        foreach (var (from, to) in SecondPerson.GetValueOrDefault(lang, []))
        {
            sentence = Regex.Replace(sentence, $@"(?<![\p{{L}}']){Regex.Escape(from)}(?![\p{{L}}'])", m => to.Length > 0 && char.IsUpper(m.Value[0]) ? char.ToUpperInvariant(to[0]) + to[1..] : to, RegexOptions.IgnoreCase);
        }

        return Regex.Replace(sentence, @"\s{2,}", " ").Trim();
    }

    private static string Possessive(string article) => article.ToLowerInvariant() switch { "o" => "seu", "a" => "sua", "os" => "seus", _ => "suas" };

    /// <summary>Words a name is not made of: articles, possessives, auxiliaries and prepositions.</summary>
    private static readonly HashSet<string> NameFiller = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "your", "our", "my", "their", "his", "her", "is", "are", "was", "has", "have", "been", "be", "will", "at", "for", "to", "of", "in", "on", "and", "or", "with", "now", "it",
        "el", "la", "los", "las", "un", "una", "tu", "tus", "su", "sus", "nuestro", "nuestra", "es", "esta", "ya", "en", "de", "del", "para", "por", "y", "con", "que", "se",
        "o", "os", "as", "um", "uma", "seu", "sua", "seus", "suas", "nosso", "nossa", "esta", "foi", "em", "no", "na", "do", "da", "e", "com",
        "le", "les", "une", "votre", "vos", "notre", "nos", "leur", "leurs", "est", "sont", "a", "au", "aux", "des", "du", "et", "pour", "avec", "l", "d",
    };

    /// <summary>The key words of a description, for its name: "your prescription is ready for pickup" gives "prescription ready pickup".</summary>
    internal static string KeyWords(string purpose)
    {
        var words = TextScan.Fold(purpose).Split([' ', ',', '.', ':', ';', '!', '?', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !NameFiller.Contains(w) && !w.Any(char.IsDigit))
            .Take(3)
            .ToList();
        return words.Count > 0 ? string.Join(' ', words) : purpose;
    }

    private static string Lower(string topic) =>
        topic.StartsWith("our ", StringComparison.OrdinalIgnoreCase) ? topic[4..] : char.ToLowerInvariant(topic[0]) + topic[1..];

    /// <summary>The description without the instruction around it ("tell customers about ...").</summary>
    internal static string Sentence(string purpose)
    {
        var text = purpose.Trim().Trim('"', '\'', '“', '”').Trim();
        var stripped = Instruction().Replace(text, string.Empty, 1).Trim(' ', ',', ':', '-');
        return stripped.Length >= 3 ? stripped : text;
    }
}
