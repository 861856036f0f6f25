namespace Concierge.Safety;

/// <summary>
/// One language's cue families for <see cref="CrisisConceptScorer"/>: comma-separated entries, each a
/// word or a short sequence; a trailing <c>*</c> makes a word a stem (<c>suicid*</c>, <c>desaparec*</c>),
/// <c>_</c> stands for any one word. Entries are folded like message words, so they are written in
/// plain spelling.
/// </summary>
internal sealed class CrisisConceptLexicon(string language)
{
    private readonly List<CrisisConceptScorer.Entry> _entries = [];
    private readonly List<string> _stoppers = [];

    public string Language { get; } = language;

    public IReadOnlyList<CrisisConceptScorer.Entry> Entries => _entries;

    /// <summary>Verbs that deny a living word like a negator does ("stop existing", "dejar de vivir").</summary>
    public IReadOnlyList<string> Stoppers => _stoppers;

    public CrisisConceptLexicon Add(CrisisConcept concept, string entries)
    {
        foreach (var raw in entries.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tokens = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Fold).ToArray();
            if (tokens[0].Prefix && tokens[0].Word.Length < 3)
            {
                throw new ArgumentException($"Concept stem '{raw}' must start with at least three letters.", nameof(entries));
            }

            // "desaparec*" would fold its final c as before nothing, "desaparecer" as before e (s): end stems elsewhere.
            if (tokens.Any(t => t.Prefix && t.Word[^1] is 'c' or 'q' or 'p'))
            {
                throw new ArgumentException($"Concept stem '{raw}' must not end in c, q or p (their folding depends on the next letter).", nameof(entries));
            }

            _entries.Add(new CrisisConceptScorer.Entry(concept, Language, $"{Language}:{raw}", tokens));
        }

        return this;
    }

    public CrisisConceptLexicon Stopping(string words)
    {
        _stoppers.AddRange(words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(CrisisText.FoldWord));
        return this;
    }

    private static Token Fold(string word) => word switch
    {
        "_" => new Token("_", false),
        _ when word.EndsWith('*') => new Token(CrisisText.FoldWord(word[..^1]), true),
        _ => new Token(CrisisText.FoldWord(word), false),
    };

    internal readonly record struct Token(string Word, bool Prefix);
}
