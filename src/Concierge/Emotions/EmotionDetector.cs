using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Concierge.Emotions;

/// <summary>
/// The offline emotion detector: lexicon phrases and emoji of es/en/pt, each weighted, with an
/// intensifier ("muy", "really", "muito", a "super" prefix) just before a phrase raising it by half
/// and a negator up to three words before ("no estoy feliz") turning it. A negated positive emotion
/// reads as frustration, because a customer who is "not happy" is complaining; a negated negative
/// one ("no estoy enojado") counts for nothing. Exclamation marks strengthen what was found. On a
/// tie the more urgent label wins (anger, frustration, anxiety, sadness, gratitude, joy), since a
/// missed complaint costs more than a missed compliment.
/// </summary>
public sealed partial class EmotionDetector
{
    public const string Name = "lexicon-v1";

    private static readonly EmotionLabel[] Urgency =
        [EmotionLabel.Anger, EmotionLabel.Frustration, EmotionLabel.Anxiety, EmotionLabel.Sadness, EmotionLabel.Gratitude, EmotionLabel.Joy];

    public EmotionReading Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var weights = new Dictionary<EmotionLabel, double>();
        void Add(EmotionLabel label, double weight) => weights[label] = weights.GetValueOrDefault(label) + weight;

        var tokens = Words().Matches(Fold(text)).Select(m => m.Value).ToList();
        for (var i = 0; i < tokens.Count;)
        {
            if (Phrase(tokens, i) is not { } found)
            {
                i++;
                continue;
            }

            var (label, weight) = found.Entry;
            if (Intensified(tokens, i, found.Prefixed))
            {
                weight *= 1.5;
            }

            if (label == EmotionLabel.Neutral)
            {
                // A neutral formula only stops its words from being read as something else.
            }
            else if (Negated(tokens, i))
            {
                if (label is EmotionLabel.Joy or EmotionLabel.Gratitude)
                {
                    Add(EmotionLabel.Frustration, weight * 0.8);
                }
            }
            else
            {
                Add(label, weight);
            }

            i += found.Length;
        }

        foreach (var label in EmojiLexicon.In(text))
        {
            Add(label, 1.0);
        }

        if (weights.Count == 0)
        {
            return new EmotionReading(EmotionLabel.Neutral, 0, Name);
        }

        var top = Urgency.Where(weights.ContainsKey).OrderByDescending(l => weights[l]).First();
        var strength = weights[top] + (0.15 * Math.Min(3, text.Count(c => c == '!')));
        return new EmotionReading(top, Math.Round(1 - Math.Exp(-strength), 3), Name);
    }

    /// <summary>The longest lexicon phrase starting at token <paramref name="start"/>, also as "super" + word ("superfeliz").</summary>
    private static ((EmotionLabel Label, double Weight) Entry, int Length, bool Prefixed)? Phrase(List<string> tokens, int start)
    {
        for (var length = Math.Min(EmotionLexicon.LongestPhrase, tokens.Count - start); length >= 1; length--)
        {
            var phrase = string.Join(' ', tokens.Skip(start).Take(length));
            if (EmotionLexicon.Entries.TryGetValue(phrase, out var entry))
            {
                return (entry, length, false);
            }
        }

        var word = tokens[start];
        return word.Length > 6 && word.StartsWith("super", StringComparison.Ordinal) && EmotionLexicon.Entries.TryGetValue(word[5..], out var prefixed)
            ? (prefixed, 1, true)
            : null;
    }

    private static bool Intensified(List<string> tokens, int at, bool prefixed) =>
        prefixed || (at > 0 && EmotionLexicon.Intensifiers.Contains(tokens[at - 1])) || (at > 1 && EmotionLexicon.Intensifiers.Contains(tokens[at - 2]) && EmotionLexicon.Intensifiers.Contains(tokens[at - 1]));

    /// <summary>A negator within the three words before, not counting the phrase's own "no" ("no funciona").</summary>
    private static bool Negated(List<string> tokens, int at) =>
        Enumerable.Range(Math.Max(0, at - 3), Math.Min(3, at)).Any(i => EmotionLexicon.Negators.Contains(tokens[i]));

    private static string Fold(string text)
    {
        var decomposed = text.Replace('’', '\'').ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
    }

    [GeneratedRegex(@"[\p{L}][\p{L}'\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
