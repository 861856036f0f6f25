namespace Concierge.Knowledge.Chunking;

/// <summary>
/// Finds sentence ends: ".", "!", "?" or "…" (and their run, "?!"), followed by white space and not
/// part of a short abbreviation ("e.g.", "Dr.", "Sr.") or a number ("3.5"). Good enough for business
/// prose in English, Spanish and Portuguese, which is what documents here are.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "dr", "dra", "mr", "mrs", "ms", "sr", "sra", "srta", "st", "no", "nº",
        "p.ej", "ej", "av", "avda", "aprox", "approx", "min", "máx", "max", "núm", "num", "tel", "inc", "ltd",
    };

    /// <summary>The sentences of text[start..end] as (start, end) offsets, trimmed of white space.</summary>
    public static List<(int Start, int End)> Split(string text, int start, int end)
    {
        var sentences = new List<(int Start, int End)>();
        var sentenceStart = SkipSpace(text, start, end);
        for (var i = sentenceStart; i < end; i++)
        {
            if (text[i] is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            var stop = i + 1;
            while (stop < end && text[stop] is '.' or '!' or '?' or '…' or '"' or '\'' or ')' or '»' or '”')
            {
                stop++;
            }

            if (stop < end && !char.IsWhiteSpace(text[stop]))
            {
                continue;
            }

            if (text[i] == '.' && IsAbbreviation(text, sentenceStart, i))
            {
                continue;
            }

            sentences.Add((sentenceStart, stop));
            sentenceStart = SkipSpace(text, stop, end);
            i = sentenceStart - 1;
        }

        var tail = TrimEnd(text, sentenceStart, end);
        if (tail > sentenceStart)
        {
            sentences.Add((sentenceStart, tail));
        }

        return sentences;
    }

    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..dot].TrimStart('(', '"', '\'', '¿', '¡');
        return word.Length == 1 && char.IsLetter(word[0]) || Abbreviations.Contains(word);
    }

    private static int SkipSpace(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
