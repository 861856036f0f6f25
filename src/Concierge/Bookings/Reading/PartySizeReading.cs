using System.Text.RegularExpressions;

namespace Concierge.Bookings.Reading;

/// <summary>
/// Party sizes: counted people ("seis personas", "2 adults and 3 kids" = 5, summed), a size after a
/// cue ("party of four", "mesa para 4", "somos 5"), "just me", or a bare number when the last reply
/// asked for the party size. "My wife and I" is two. Runs after dates and times, so their numbers are already taken.
/// </summary>
internal static class PartySizeReading
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private static readonly string Number = $@"(?<n>\d{{1,3}}|{NumberWords.Alternation})";

    private static readonly Regex Counted = new(
        $@"\b{Number}\s+(?:(?:de\s+)?nosotros\s+)?(?:personas?|pessoas?|people|persons?|guests?|comensales|adultos?|adults?|ninos?|ninas?|kids?|children|child|criancas?|menores|bebes?|babies|pax|diners|convidados|of\s+us)\b",
        Options);

    private static readonly Regex Cued = new(
        $@"\b(?:party\s+of|table\s+for|mesa\s+para|mesa\s+pra|mesa\s+de|somos|seremos|we\s+are|we're|we\s+will\s+be|we'll\s+be|vamos\s+a\s+ser|vamos\s+ser|seriamos|for|para|pra)\s+(?:(?:a|os|as|los|las)\s+)?{Number}\b(?!\s*(?:[:h.]\d|am\b|pm\b|dias?\b|days?\b|noches?\b|noites?\b|nights?\b|semanas?\b|weeks?\b|horas?\b|hours?\b))",
        Options);

    private static readonly Regex Alone = new(@"\b(?:just\s+me|only\s+me|solo\s+yo|solamente\s+yo|so\s+eu|somente\s+eu|apenas\s+eu|for\s+one|para\s+mi\s+solo)\b", Options);

    private static readonly Regex Couple = new(
        @"\b(?:(?:mi|my)\s+(?:esposa|esposo|pareja|novia|novio|marido|mujer|wife|husband|partner|girlfriend|boyfriend)\s+(?:y|and)\s+(?:yo|i|me)|(?:yo\s+y\s+mi|me\s+and\s+my)\s+\w+|(?:eu\s+e|para\s+mim\s+e)\s+(?:a\s+|o\s+)?(?:minha|meu)\s+\w+)\b",
        Options);

    private static readonly Regex Bare = new($@"^\s*{Number}\s*[.!]?\s*$", Options);

    public static int? Take(ReadingBuffer buffer, bool pending)
    {
        var counted = buffer.Take(Counted).Select(m => NumberWords.Parse(m.Groups["n"].Value) ?? 0).ToList();
        if (counted.Count > 0)
        {
            return counted.Sum();
        }

        var cued = buffer.Take(Cued);
        if (cued.Count > 0)
        {
            return NumberWords.Parse(cued[0].Groups["n"].Value);
        }

        if (buffer.Take(Alone).Count > 0)
        {
            return 1;
        }

        if (buffer.Take(Couple).Count > 0)
        {
            return 2;
        }

        if (pending && Bare.Match(buffer.Work) is { Success: true } bare)
        {
            buffer.Blank(bare.Index, bare.Length);
            return NumberWords.Parse(bare.Groups["n"].Value);
        }

        return null;
    }
}
