using System.Globalization;
using System.Text;
using Concierge.Agents;

namespace Concierge.Skills.Chat;

/// <summary>
/// Answers without a model: a greeting is greeted, a question close to one of the agent's FAQ
/// entries gets that entry's answer, anything else gets an honest "I can't answer that offline"
/// with the topics it does know and one question.
/// </summary>
public static class OfflineChat
{
    // The overlap (cosine of the two word sets) a question needs to count as the FAQ entry's.
    private const double MatchThreshold = 0.45;

    // Sharing a concept (see FaqConcepts) is a match on its own.
    private const double ConceptBonus = 0.6;

    private static readonly HashSet<string> Greetings =
    [
        "hi", "hello", "hey", "hola", "ola", "oi", "bonjour", "salut", "buenas", "buenos", "bom", "good",
    ];

    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "is", "are", "am", "be", "do", "does", "did", "i", "you", "me", "my", "your", "we",
        "it", "its", "of", "to", "in", "on", "for", "and", "or", "what", "which", "who", "how", "can", "could",
        "would", "please", "this", "that", "there", "with", "about", "tell", "any", "some", "so", "at", "by",
        "el", "la", "los", "las", "de", "que", "es", "un", "una", "y", "o", "en", "por", "para", "como",
        "o", "os", "as", "do", "da", "e", "um", "uma", "qual", "quais",
    ];

    public static string Answer(Agent agent, string text)
    {
        var words = Words(text);
        var best = agent.Faq
            .Select(entry => (entry, score: Score(words, Words(entry.Question))))
            .OrderByDescending(x => x.score)
            .FirstOrDefault();

        // A question that shares a concept with an FAQ entry is answered even after a greeting ("hi, what can you do?").
        if (best.entry is not null && best.score >= ConceptBonus)
        {
            return best.entry.Answer;
        }

        if (words.Count > 0 && words.Count <= 4 && words.Any(Greetings.Contains))
        {
            return $"{string.Format(CultureInfo.InvariantCulture, OfflineChatPhrases.For(agent.Locale).Greeting, agent.Name)} {TopicsSentence(agent)}";
        }

        if (best.entry is not null && best.score >= MatchThreshold)
        {
            return best.entry.Answer;
        }

        return $"{OfflineChatPhrases.For(agent.Locale).NotUnderstood} {TopicsSentence(agent)}";
    }

    /// <summary>Word overlap, plus a bonus when both are about the same thing (the database, what the assistant can do...).</summary>
    private static double Score(HashSet<string> asked, HashSet<string> known)
    {
        var shared = asked.Where(w => w.StartsWith('#')).Any(known.Contains);
        return Overlap(asked, known) + (shared ? ConceptBonus : 0);
    }

    private static string TopicsSentence(Agent agent)
    {
        var phrases = OfflineChatPhrases.For(agent.Locale);
        if (agent.Faq.Count == 0)
        {
            return phrases.NoTopics;
        }

        var topics = string.Join("; ", agent.Faq.Take(4).Select(f => $"\"{f.Question}\""));
        return string.Format(CultureInfo.InvariantCulture, phrases.Topics, topics);
    }

    private static double Overlap(HashSet<string> asked, HashSet<string> known)
    {
        asked = [.. asked.Where(w => !w.StartsWith('#'))];
        known = [.. known.Where(w => !w.StartsWith('#'))];
        if (asked.Count == 0 || known.Count == 0)
        {
            return 0;
        }

        var shared = asked.Count(known.Contains);
        return shared / Math.Sqrt(asked.Count * (double)known.Count);
    }

    /// <summary>Lower-cased words without accents or stop words, with a crude plural fold.</summary>
    private static HashSet<string> Words(string text)
    {
        var folded = RemoveDiacritics(text.ToLowerInvariant());
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in folded.Split(static c => !char.IsLetterOrDigit(c)))
        {
            if (raw.Length == 0 || StopWords.Contains(raw))
            {
                continue;
            }

            words.Add(raw.Length > 3 && raw.EndsWith('s') ? raw[..^1] : raw);
        }

        // Concepts are read from all the words, stop words included ("what can you do" is all stop words).
        var all = folded.Split(static c => !char.IsLetterOrDigit(c)).ToList();
        words.UnionWith(FaqConcepts.Of(all));
        return words;
    }

    private static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

internal static class StringSplitExtensions
{
    public static IEnumerable<string> Split(this string text, Func<char, bool> isSeparator)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || isSeparator(text[i]))
            {
                if (i > start)
                {
                    yield return text[start..i];
                }

                start = i + 1;
            }
        }
    }
}
