using System.Globalization;
using System.Text.RegularExpressions;

namespace Concierge.Bookings.Reading;

/// <summary>
/// A customer's name after a cue ("my name is", "me llamo", "a nombre de", "meu nome é"), after a weak
/// cue ("soy", "sou", "I'm", "this is") only when it is capitalised, or the whole message when the last
/// reply asked for the name and the message looks like one (one to four words, letters only).
/// </summary>
internal static class NameReading
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private static readonly Regex Strong = new(
        @"\b(?:my\s+name\s+is|my\s+name's|name\s+is|names?\s*:|me\s+llamo|mi\s+nombre\s+es|nombre\s*:|a\s+nombre\s+de|en\s+nombre\s+de|meu\s+nome\s+e|o\s+meu\s+nome\s+e|me\s+chamo|chamo-me|nome\s*:|em\s+nome\s+de|no\s+nome\s+de|under\s+the\s+name(?:\s+of)?|reserva\s+a\s+nombre\s+de)\s+",
        Options);

    private static readonly Regex Weak = new(@"(?:^|[\s,.!¡])(?:soy|sou|i\s+am|i'm|im|this\s+is|aqui\s+(?:es|e|habla|fala)|booking\s+for|reservation\s+for|reserva\s+para|name|nombre|nome)\s+", Options);

    private static readonly Regex Word = new(@"\G[\s,]*?(?<w>\p{L}[\p{L}'\-]*)", Options);

    private static readonly HashSet<string> Stops = new(StringComparer.Ordinal)
    {
        "y", "e", "and", "para", "pra", "for", "con", "com", "with", "mi", "my", "el", "la", "o", "a", "the", "somos", "we", "i",
        "quiero", "quero", "want", "would", "tel", "telefono", "phone", "email", "correo", "mail", "numero", "number", "at",
        "manana", "amanha", "tomorrow", "today", "hoy", "hoje", "please", "por", "favor", "gracias", "thanks", "obrigado", "obrigada",
        "table", "mesa", "reserva", "reservar", "book", "booking", "people", "personas", "pessoas", "from", "de", "da", "do", "del",
        "yes", "no", "si", "sim", "nao", "ok", "okay", "vale", "an", "in", "on", "to", "hungry", "here", "alergico", "alergica",
        "actually", "make", "it", "change", "instead", "rather", "mejor", "cambia", "melhor", "muda", "better",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "de", "da", "do", "dos", "das", "del", "la", "van", "von" };

    /// <param name="pending">The last reply asked for the name, and nothing but the contact was read
    /// from this message: "actually make it 4 people" changes the party and names no one.</param>
    public static string? Read(ReadingBuffer buffer, bool pending, bool isAnswerWord)
    {
        if (Strong.Match(buffer.Folded) is { Success: true } strong && NameAt(buffer, strong.Index + strong.Length, requireCapital: false) is { } named)
        {
            return named;
        }

        foreach (Match weak in Weak.Matches(buffer.Folded))
        {
            if (NameAt(buffer, weak.Index + weak.Length, requireCapital: true) is { } name)
            {
                return name;
            }
        }

        return pending && !isAnswerWord ? Bare(buffer) : null;
    }

    private static string? NameAt(ReadingBuffer buffer, int start, bool requireCapital)
    {
        var words = new List<string>();
        var at = start;
        while (words.Count < 4 && Word.Match(buffer.Original, at) is { Success: true } m)
        {
            var word = m.Groups["w"].Value;
            var folded = ReadingBuffer.Fold(word);
            var between = buffer.Original[at..m.Groups["w"].Index];
            if (between.Contains(',') || (Particles.Contains(folded) && !NextIsCapital(buffer, m.Index + m.Length)))
            {
                break;
            }

            if (!Particles.Contains(folded) && (Stops.Contains(folded) || CalendarLike(folded)))
            {
                break;
            }

            if (words.Count == 0 && requireCapital && !char.IsUpper(word[0]))
            {
                return null;
            }

            words.Add(word);
            at = m.Index + m.Length;
        }

        return words.Count == 0 ? null : Tidy(string.Join(' ', words));
    }

    private static bool NextIsCapital(ReadingBuffer buffer, int at) =>
        Word.Match(buffer.Original, at) is { Success: true } next && char.IsUpper(next.Groups["w"].Value[0]);

    private static bool CalendarLike(string folded) =>
        NumberWords.Parse(folded) is not null && folded.Length > 1;

    private static string? Bare(ReadingBuffer buffer)
    {
        // What is left once the contact was taken: "Marco Bianchi, marco@example.com" answers the
        // name question with a name and a contact.
        var text = Remaining(buffer).Trim().Trim(',', ';', '-', ' ').TrimEnd('.', '!', ' ');
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 1 or > 4 || !words.All(w => w.All(c => char.IsLetter(c) || c is '\'' or '-')))
        {
            return null;
        }

        var folded = words.Select(ReadingBuffer.Fold).ToList();
        return folded.Any(w => Stops.Contains(w) && !Particles.Contains(w)) ? null : Tidy(text);
    }

    /// <summary>The original text with what earlier readers took (the contact) blanked, spaces folded.</summary>
    private static string Remaining(ReadingBuffer buffer)
    {
        var work = buffer.Work;
        var kept = new char[work.Length];
        for (var i = 0; i < work.Length; i++)
        {
            kept[i] = work[i] == ' ' ? ' ' : buffer.Original[i];
        }

        return string.Join(' ', new string(kept).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Title case for a name typed all in lower or upper case; a mixed-case name is kept as typed.</summary>
    private static string Tidy(string name) =>
        name == name.ToLowerInvariant() || name == name.ToUpperInvariant()
            ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant())
            : name;
}
