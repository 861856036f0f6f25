using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Concierge.Safety;

/// <summary>
/// Turns a message into the token string the crisis rules read: " tok tok | tok ". The same folding
/// runs over the rule tables' words, so a rule written as "quiero morir" also meets "KIEROOO m0rir",
/// and nobody has to spell every variant in the tables.
/// </summary>
internal static partial class CrisisText
{
    /// <summary>Stands for a clause break (, . ; ! ? and "but"-like words): negation does not cross it.</summary>
    public const string Boundary = "|";

    // A private-use character stands in for a quoted span until tokens are cut.
    private const string QuoteMark = "\uE000";

    public static string Normalise(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return " ";
        }

        // Quoted words are someone else's (lyrics, a title, what a brother says): not the user's state.
        var unquoted = SingleQuotedSpan().Replace(QuotedSpan().Replace(text, QuoteMark), QuoteMark);
        var plain = StripMarks(unquoted);
        plain = SpelledOut().Replace(plain, m => m.Value.Replace(".", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Replace("*", string.Empty, StringComparison.Ordinal));

        var tokens = new List<string>(plain.Length / 4 + 2);
        var word = new StringBuilder();
        foreach (var rune in plain.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || rune.Value is '@' or '$')
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
                continue;
            }

            // "don't" reads as "dont", "I'm" as "im": the rules spell contractions that way.
            if (rune.Value is '\'' or '\u2019' && word.Length > 0)
            {
                continue;
            }

            Flush(word, tokens);
            if (rune.Value == QuoteMark[0])
            {
                tokens.Add("#quote");
            }
            else if (CrisisEmoji.Cue(rune) is { } cue)
            {
                tokens.Add(cue);
            }
            else if (rune.Value is ',' or '.' or ';' or '!' or '?' or ':' or '\n' or '¿' or '¡' && (tokens.Count == 0 || tokens[^1] != Boundary))
            {
                tokens.Add(Boundary);
            }
        }

        Flush(word, tokens);
        JoinSpacedLetters(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (LaughToken().IsMatch(tokens[i]))
            {
                tokens[i] = "#laugh";
            }
        }

        return " " + string.Join(' ', tokens) + " ";
    }

    /// <summary>Folds one word the way message words are folded; rule tables call this on their literals.</summary>
    public static string FoldWord(string word)
    {
        var lower = StripMarks(word).ToLowerInvariant();
        if (lower.StartsWith('#'))
        {
            return lower;
        }

        return Squeeze(Phonetic(Leet(lower)));
    }

    private static void Flush(StringBuilder word, List<string> tokens)
    {
        if (word.Length == 0)
        {
            return;
        }

        var raw = word.ToString();
        word.Clear();
        tokens.Add(FoldWord(raw));
    }

    private static string StripMarks(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            // Zero-width spaces and joiners (Cf) would split "mo\u200Brir" into two words; accents go too.
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format || c == '\u00AD')
            {
                continue;
            }

            kept.Append(c);
        }

        return kept.ToString();
    }

    // Only words that mix letters and digits are read as leetspeak, so "988" and "24/7" stay numbers.
    private static string Leet(string word)
    {
        if (!word.Any(char.IsLetter) || !word.Any(c => char.IsDigit(c) || c is '@' or '$'))
        {
            return word;
        }

        var mapped = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            mapped.Append(c switch { '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's', _ => c });
        }

        return mapped.ToString();
    }

    // Spelling-by-ear collapses: b/v, c/s/z before e and i, qu/k, ph/f. These cover "bibir", "suisidio",
    // "kiero" without a list of misspellings; the few collisions they add are harmless for this task.
    private static string Phonetic(string word)
    {
        var s = word.Replace("ph", "f", StringComparison.Ordinal).Replace('v', 'b').Replace('z', 's');
        var folded = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            if (s[i] == 'q' && next == 'u' && i + 2 < s.Length && s[i + 2] is 'e' or 'i')
            {
                folded.Append('k');
                i++;
            }
            else if (s[i] == 'c' && next is 'e' or 'i')
            {
                folded.Append('s');
            }
            else
            {
                folded.Append(s[i]);
            }
        }

        return folded.ToString();
    }

    // "morirrrr", "kill" and "morrer" all keep one letter per run; the rules are folded the same way.
    private static string Squeeze(string word)
    {
        var squeezed = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (squeezed.Length == 0 || squeezed[^1] != c || !char.IsLetter(c))
            {
                squeezed.Append(c);
            }
        }

        return squeezed.ToString();
    }

    // "k i l l myself": three or more one-letter words in a row are one spelled-out word.
    private static void JoinSpacedLetters(List<string> tokens)
    {
        for (var start = 0; start < tokens.Count; start++)
        {
            var end = start;
            while (end < tokens.Count && tokens[end].Length == 1 && char.IsLetter(tokens[end][0]))
            {
                end++;
            }

            if (end - start >= 3)
            {
                var joined = FoldWord(string.Concat(tokens.Skip(start).Take(end - start)));
                tokens.RemoveRange(start, end - start);
                tokens.Insert(start, joined);
            }
        }
    }

    [GeneratedRegex("[\"\u201C\u201D\u00AB\u00BB][^\"\u201C\u201D\u00AB\u00BB]{1,200}[\"\u201C\u201D\u00AB\u00BB]")]
    private static partial Regex QuotedSpan();

    // 'lyrics' in single quotes: an apostrophe inside a word (don't, I'm) opens or closes nothing.
    [GeneratedRegex("(?<![\\p{L}\\p{N}])['\u2018\u2019][^'\u2018\u2019\n]{1,200}['\u2018\u2019](?![\\p{L}\\p{N}])")]
    private static partial Regex SingleQuotedSpan();

    [GeneratedRegex(@"(?<![\p{L}.*-])(?:\p{L}[.*-]){2,}\p{L}(?![\p{L}])")]
    private static partial Regex SpelledOut();

    // Two syllables at least: a single "ja", "he", "ha" or "hi" is a word ("já", "he pensado", "he",
    // "hi"), not laughter; "kkkk" squeezes to "k", and "rs" is a laugh on its own in Brazil.
    [GeneratedRegex("^(?:(?:ja|je|ji|ha|he|hi|ka|rs){2,}[jhk]?|rs|k|kk|lol|lmao|lmfao|rofl|xd)$")]
    private static partial Regex LaughToken();
}
