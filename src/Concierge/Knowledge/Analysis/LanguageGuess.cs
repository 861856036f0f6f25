namespace Concierge.Knowledge.Analysis;

/// <summary>
/// A cheap language guess: count the words only one of the three languages uses often ("the", "los",
/// "você"), plus letters only one of them writes (ñ, ¿ for Spanish; ã, õ, ç for Portuguese).
/// Words the languages share ("de", "que", "a", "no") are left out because they decide nothing.
/// </summary>
internal static class LanguageGuess
{
    private static readonly Dictionary<string, string> Markers = Build(
        (KnowledgeLanguages.English, "the and of to is are you your i my what how when where does can for with have it this that in on at be will there which an or not we our if from"),
        (KnowledgeLanguages.Spanish, "el la los las del y es son en un una por con mi mis su sus al lo le les puedo hay tiene tienen usted ustedes estan cual cuanto cuesta donde hacer nuestro nuestra tengo quiero pero muy ya hasta cuando tambien puede"),
        (KnowledgeLanguages.Portuguese, "o os as do da dos das e em um uma nao com voce voces meu minha ha na nas ao aos pelo pela tem sao qual quanto custa onde fazer nosso nossa tenho quero muito ja ate seu sua pode posso tambem isso"));

    public static (string Language, bool Confident) Guess(string text, string fallback)
    {
        var scores = new Dictionary<string, double>
        {
            [KnowledgeLanguages.English] = 0,
            [KnowledgeLanguages.Spanish] = 0,
            [KnowledgeLanguages.Portuguese] = 0,
        };

        // Only the start of a long text is read: a language shows itself in a few hundred words.
        var sample = text.Length > 20_000 ? text[..20_000] : text;
        foreach (var c in sample)
        {
            if (c is 'ñ' or 'Ñ' or '¿' or '¡')
            {
                scores[KnowledgeLanguages.Spanish] += 2;
            }
            else if (c is 'ã' or 'õ' or 'ç' or 'Ã' or 'Õ' or 'Ç' or 'ê' or 'ô' or 'â')
            {
                scores[KnowledgeLanguages.Portuguese] += 2;
            }
        }

        foreach (var word in Words(sample))
        {
            if (Markers.TryGetValue(word, out var language))
            {
                scores[language] += 1;
            }
        }

        var ranked = scores.OrderByDescending(s => s.Value).ToList();
        if (ranked[0].Value == 0 || ranked[0].Value == ranked[1].Value)
        {
            return (KnowledgeLanguages.Normalize(fallback), false);
        }

        return (ranked[0].Key, ranked[0].Value >= 2 && ranked[0].Value >= 2 * ranked[1].Value);
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetter(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return StopWords.Fold(text[start..i]);
                start = -1;
            }
        }
    }

    private static Dictionary<string, string> Build(params (string Language, string Words)[] lists)
    {
        var markers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, words) in lists)
        {
            foreach (var word in words.Split(' '))
            {
                markers[word] = language;
            }
        }

        return markers;
    }
}
