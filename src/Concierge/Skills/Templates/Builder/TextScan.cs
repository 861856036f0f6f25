using System.Text.RegularExpressions;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// Matching helpers over folded text (lower case, accents removed, typographic apostrophes made plain),
/// so that "Español", "espanol" and "ESPAÑOL" all match the keyword "espanol".
/// </summary>
internal static class TextScan
{
    public static string Fold(string text) =>
        TemplateNames.FoldToAscii(text.Replace('’', '\'').Replace('‘', '\''));

    /// <summary>True when one of <paramref name="phrases"/> (folded) occurs in <paramref name="folded"/> as whole words.</summary>
    public static bool HasAny(string folded, IEnumerable<string> phrases) => phrases.Any(p => IndexOfPhrase(folded, p) >= 0);

    /// <summary>Position of <paramref name="phrase"/> as whole words in <paramref name="folded"/>, or -1.</summary>
    public static int IndexOfPhrase(string folded, string phrase)
    {
        var start = 0;
        while (start <= folded.Length - phrase.Length)
        {
            var index = folded.IndexOf(phrase, start, StringComparison.Ordinal);
            if (index < 0)
            {
                return -1;
            }

            var before = index == 0 || !IsWordChar(folded[index - 1]);
            var end = index + phrase.Length;
            var after = end >= folded.Length || !IsWordChar(folded[end]) || !IsWordChar(phrase[^1]);
            if (before && after)
            {
                return index;
            }

            start = index + 1;
        }

        return -1;
    }

    /// <summary>The earliest position of any of <paramref name="phrases"/>, or -1.</summary>
    public static int FirstIndex(string folded, IEnumerable<string> phrases) =>
        phrases.Select(p => IndexOfPhrase(folded, p)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    public static int WordCount(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    /// <summary>Replaces every match of <paramref name="pattern"/> by spaces of the same length (positions stay valid).</summary>
    public static string Blank(string text, Regex pattern) =>
        pattern.Replace(text, m => new string(' ', m.Length));

    /// <summary>Trims spaces and surrounding quotes of a body text, keeping its final punctuation.</summary>
    public static string CleanBody(string text) =>
        text.Trim().Trim('"', '“', '”', '«', '»').Trim();

    /// <summary>Trims spaces, quotes and trailing sentence punctuation a user puts around a text.</summary>
    public static string CleanQuoted(string text) =>
        text.Trim().Trim('"', '\'', '“', '”', '«', '»', '‘', '’').Trim().TrimEnd('.', ',', ';').Trim();
}
