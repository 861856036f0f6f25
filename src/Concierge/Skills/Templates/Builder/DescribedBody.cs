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
    [GeneratedRegex(@"^(?:(?:to|para|pour|a|que)\s+)?(?:(?:tell|let|inform|notify|remind|alert|update|message|text|send|announce(?:\s+to)?|avisar(?:les)?|avisa|informar(?:les)?|informa|recordar(?:les)?|anunciar|contar(?:les)?|notificar|lembrar|comunicar|dizer|informer|annoncer|rappeler|prevenir|dire)\s+(?:a\s+|aos\s+|os\s+|as\s+|los\s+|las\s+|les\s+|aux\s+|our\s+|my\s+|mis\s+|nuestros\s+|nossos\s+|meus\s+|nos\s+|mes\s+)?(?:customers?|clients?|clientes|people|users?|members?|patients?|guests?|subscribers?|usuarios|pacientes|miembros|socios|membres|them|everyone)?\s*(?:know\s+)?(?:about|that|of|when|que|de|sobre|do|da|des|du|qu')?\s*)", RegexOptions.IgnoreCase)]
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
        var sentence = Sentence(purpose);
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
