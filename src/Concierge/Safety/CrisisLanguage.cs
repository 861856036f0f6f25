namespace Concierge.Safety;

/// <summary>
/// One language's rule table: word classes, idioms to mask, crisis rules, context cues, frames, and
/// the words that negate or break a clause. Written fluently so that a table reads as data.
/// </summary>
internal sealed class CrisisLanguage
{
    private readonly Dictionary<string, string> _lexicon = new(StringComparer.Ordinal);
    private readonly List<CrisisRule> _rules = [];
    private readonly HashSet<string> _negators = new(StringComparer.Ordinal);
    private readonly HashSet<string> _clauseWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _markers = new(StringComparer.Ordinal);

    public CrisisLanguage(string code) => Code = code;

    /// <summary>"es", "en", "pt"; "*" for the language-neutral emoji cues.</summary>
    public string Code { get; }

    public IReadOnlyList<CrisisRule> Rules => _rules;

    /// <summary>"no", "never", "nunca": a crisis phrase right after one of these is denied.</summary>
    public IReadOnlySet<string> Negators => _negators;

    /// <summary>"but", "pero", "mas": the negation window stops here, as it does at punctuation.</summary>
    public IReadOnlySet<string> ClauseWords => _clauseWords;

    /// <summary>Frequent words of the language, only used to guess it.</summary>
    public IReadOnlySet<string> Markers => _markers;

    public CrisisLanguage Words(string name, string alternatives)
    {
        _lexicon[name] = alternatives;
        return this;
    }

    public CrisisLanguage Negating(string words) => AddWords(_negators, words);

    public CrisisLanguage Breaking(string words) => AddWords(_clauseWords, words);

    public CrisisLanguage Marking(string words) => AddWords(_markers, words);

    public CrisisLanguage Idiom(params string[] notations) => Add($"{Code}.idiom", CrisisRuleKind.Idiom, CrisisSeverity.None, CrisisCue.None, "figure of speech", true, notations);

    public CrisisLanguage Crisis(string id, CrisisSeverity severity, string reason, params string[] notations) =>
        Add($"{Code}.{id}", CrisisRuleKind.Crisis, severity, CrisisCue.None, reason, true, notations);

    /// <summary>A question about lethal means: a crisis even when framed as curiosity or homework.</summary>
    public CrisisLanguage Inquiry(string id, string reason, params string[] notations) =>
        Add($"{Code}.{id}", CrisisRuleKind.Crisis, CrisisSeverity.Medium, CrisisCue.None, reason, false, notations);

    public CrisisLanguage Cue(string id, CrisisCue cue, string reason, params string[] notations) =>
        Add($"{Code}.{id}", CrisisRuleKind.Cue, CrisisSeverity.None, cue, reason, true, notations);

    public CrisisLanguage Past(params string[] notations) => Add($"{Code}.frame.past", CrisisRuleKind.Past, CrisisSeverity.None, CrisisCue.None, "past", true, notations);

    public CrisisLanguage Recovered(params string[] notations) => Add($"{Code}.frame.recovered", CrisisRuleKind.Recovered, CrisisSeverity.None, CrisisCue.None, "recovered", true, notations);

    public CrisisLanguage Research(params string[] notations) => Add($"{Code}.frame.research", CrisisRuleKind.Research, CrisisSeverity.None, CrisisCue.None, "research framing", true, notations);

    private CrisisLanguage Add(string id, CrisisRuleKind kind, CrisisSeverity severity, CrisisCue cue, string reason, bool framed, string[] notations)
    {
        foreach (var notation in notations)
        {
            _rules.Add(new CrisisRule(id, Code, kind, severity, cue, reason, new CrisisPattern(notation, _lexicon), framed));
        }

        return this;
    }

    private CrisisLanguage AddWords(HashSet<string> set, string words)
    {
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            set.Add(CrisisText.FoldWord(word));
        }

        return this;
    }
}
