using System.Text.RegularExpressions;

namespace Concierge.Bookings.Reading;

/// <summary>
/// Finds the service a message names, by key or name, accent- and case-blind, tolerating a typo per
/// word ("cena degustasion", "dinners"). Every significant word of a name must be found; when two
/// services match equally the reader names neither rather than pick one.
/// </summary>
internal static class ServiceMatching
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "de", "del", "la", "el", "los", "las", "da", "do", "the", "a", "of", "and", "y", "e", "para", "for", "con", "com", "with",
    };

    public static Service? Find(string folded, IReadOnlyList<Service> services)
    {
        var words = Words(folded);
        var scored = services
            .Select(s => (Service: s, Score: Math.Max(Score(words, Words(ReadingBuffer.Fold(s.Name))), Score(words, Words(ReadingBuffer.Fold(s.Key.Replace('-', ' ').Replace('_', ' ')))))))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .ToList();
        if (scored.Count == 0 || (scored.Count > 1 && scored[1].Score == scored[0].Score))
        {
            return null;
        }

        return scored[0].Service;
    }

    /// <summary>2 per exactly found word, 1 per word found with a typo; 0 unless every word is found.</summary>
    private static int Score(IReadOnlyList<string> text, IReadOnlyList<string> name)
    {
        var wanted = name.Where(w => !Filler.Contains(w)).ToList();
        if (wanted.Count == 0)
        {
            return 0;
        }

        var score = 0;
        foreach (var word in wanted)
        {
            if (text.Contains(word))
            {
                score += 2;
            }
            else if (word.Length >= 4 && text.Any(t => Distance(t, word) <= (word.Length >= 8 ? 2 : 1)))
            {
                score += 1;
            }
            else
            {
                return 0;
            }
        }

        return score;
    }

    private static List<string> Words(string folded) =>
        Regex.Split(folded, @"[^\p{L}\p{N}]+").Where(w => w.Length > 0).ToList();

    /// <summary>Levenshtein distance, enough for short words.</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return int.MaxValue;
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
