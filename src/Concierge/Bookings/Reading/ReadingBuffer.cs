using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Concierge.Bookings.Reading;

/// <summary>
/// A message folded to lower-case ASCII letter for letter (so positions match the original) and a
/// working copy in which each understood phrase is blanked, so that "12" read as a date is not read
/// again as a party size.
/// </summary>
internal sealed class ReadingBuffer
{
    private readonly StringBuilder _work;

    public ReadingBuffer(string text)
    {
        Original = text;
        Folded = Fold(text);
        _work = new StringBuilder(Folded);
    }

    public string Original { get; }

    public string Folded { get; }

    public string Work => _work.ToString();

    /// <summary>Blanks and returns each match of <paramref name="pattern"/> in the working copy that <paramref name="accept"/> takes.</summary>
    public List<Match> Take(Regex pattern, Func<Match, bool>? accept = null)
    {
        var taken = new List<Match>();
        foreach (Match match in pattern.Matches(Work))
        {
            if (accept is null || accept(match))
            {
                Blank(match.Index, match.Length);
                taken.Add(match);
            }
        }

        return taken;
    }

    public void Blank(int index, int length)
    {
        for (var i = index; i < index + length; i++)
        {
            _work[i] = ' ';
        }
    }

    /// <summary>Lower case without accents, one character for one ("Mañana" → "manana", "às" → "as").</summary>
    public static string Fold(string text)
    {
        var folded = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i] switch
            {
                '’' or '‘' or '´' or '`' => '\'',
                _ => text[i],
            };
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            folded[i] = char.ToLowerInvariant(decomposed.FirstOrDefault(ch => CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark, c));
        }

        return new string(folded);
    }
}
