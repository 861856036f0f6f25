namespace Concierge.Bookings.Reading;

/// <summary>
/// Which of es, en, pt a message is in, from words only one of them uses and from letters (ñ, ¿, ã,
/// ç); null when nothing tells ("4", "ok", a name), so the conversation keeps its language.
/// </summary>
internal static class LanguageGuess
{
    private static readonly HashSet<string> Spanish = new(StringComparer.Ordinal)
    {
        "el", "los", "las", "quiero", "personas", "manana", "hoy", "somos", "llamo", "gracias", "y", "por", "hora", "noche", "una",
        "viernes", "sabado", "jueves", "miercoles", "martes", "lunes", "mi", "nombre", "soy", "pasado", "dentro", "media", "hay",
        "tienen", "cuatro", "dos", "seis", "ocho", "mesa", "reservar", "reserva", "para", "cena", "almuerzo", "gustaria", "puedo",
        "quisiera", "necesito", "tarde", "si", "vale", "cuantos", "marzo", "febrero", "enero", "que", "viene", "proximo", "este",
    };

    private static readonly HashSet<string> Portuguese = new(StringComparer.Ordinal)
    {
        "amanha", "hoje", "pessoas", "quero", "uma", "voce", "obrigado", "obrigada", "as", "meu", "nome", "sim", "nao", "e", "noite",
        "sexta", "sexta-feira", "depois", "daqui", "pra", "com", "tem", "eu", "sou", "chamo", "duas", "dois", "quatro", "doze", "seis",
        "oito", "jantar", "almoco", "gostaria", "posso", "preciso", "vem", "marco", "fevereiro", "janeiro", "reservar", "mesa", "para",
        "proxima", "neste", "nesta", "fazer", "um", "o", "da", "do", "horas", "dia",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "for", "table", "people", "tomorrow", "today", "tonight", "please", "my", "name", "is", "yes", "book", "at", "and", "i",
        "we", "are", "of", "party", "next", "friday", "saturday", "sunday", "monday", "want", "would", "like", "can", "dinner", "lunch",
        "thanks", "thank", "you", "in", "days", "week", "what's", "free", "march", "on", "this", "evening", "reservation", "four", "two",

        // Everyday function words: without them "do you do dinners?" counted only Portuguese's "do".
        "do", "does", "hey", "hi", "hello", "have", "how", "much", "with", "our", "us", "it", "around", "go", "ahead", "sounds", "good",
        "that", "any", "your", "there", "will", "need", "get", "be", "to", "or", "what", "when", "could", "should", "just", "about",
    };

    /// <param name="original">The message as typed (for ñ, ¿, ã...).</param>
    /// <param name="folded">The message folded (see <see cref="ReadingBuffer.Fold"/>).</param>
    /// <param name="name">A name read from the message: its words say nothing of the language ("Marco" is not "março").</param>
    public static string? Guess(string original, string folded, string? name = null)
    {
        var nameWords = name is null ? [] : ReadingBuffer.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // An e-mail address is no language either: "marco@example.com" would give Portuguese its "com".
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.Contains('@', StringComparison.Ordinal))
            .SelectMany(w => w.Split([',', '.', '!', '?', '¿', '¡', ';', ':'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => !nameWords.Contains(w, StringComparer.Ordinal))
            .ToArray();
        var es = words.Count(Spanish.Contains) + (original.IndexOfAny(['ñ', 'Ñ', '¿', '¡']) >= 0 ? 2 : 0);
        var pt = words.Count(Portuguese.Contains) + (original.IndexOfAny(['ã', 'õ', 'ç', 'Ã', 'Õ', 'Ç', 'ê', 'ô']) >= 0 ? 2 : 0);
        var en = words.Count(English.Contains);
        var best = Math.Max(es, Math.Max(pt, en));
        if (best == 0)
        {
            return null;
        }

        var leaders = new[] { ("es", es), ("pt", pt), ("en", en) }.Where(l => l.Item2 == best).ToList();
        return leaders.Count == 1 ? leaders[0].Item1 : null;
    }
}
