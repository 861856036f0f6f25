namespace Concierge.Safety;

/// <summary>
/// The concept-level second reader behind the rule tables. Instead of whole phrases it finds cue
/// families (<see cref="CrisisConcept"/>) as stems and short word sequences per language, denies
/// the ones a nearby negator takes back (and turns a denied "living" into a death cue, a denied
/// "needing" into a farewell), and weighs the families that occur together in a first-person
/// message: "i cut again last night" is self-harm and a time; "le regalé mi guitarra, ya no la voy
/// a necesitar" is a giving-away and a denied need. It reads the same normalised, idiom-masked,
/// quote-masked text as the rules, and the past-and-resolved and research frames silence it.
/// </summary>
internal sealed class CrisisConceptScorer
{
    /// <summary>A score at or above this is a crisis (given a core family and the first person).</summary>
    public const double Threshold = 3.0;

    /// <summary>A score at or above this without a crisis is ambiguous: worth the model's second opinion.</summary>
    public const double AmbiguousAt = 2.0;

    private const int DeathNegationWindow = 5;
    private const int LifeNegationWindow = 4;

    private readonly Dictionary<string, List<Entry>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _byPrefix = new(StringComparer.Ordinal);
    private readonly HashSet<string> _negators;
    private readonly HashSet<string> _clauseWords;

    public CrisisConceptScorer(IEnumerable<CrisisConceptLexicon> lexicons, IEnumerable<string> negators, IEnumerable<string> clauseWords)
    {
        var all = lexicons.ToList();
        foreach (var entry in all.SelectMany(l => l.Entries))
        {
            var first = entry.Tokens[0];
            var index = first.Prefix ? _byPrefix : _exact;
            var key = first.Prefix ? first.Word[..PrefixKey] : first.Word;
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            list.Add(entry);
        }

        _negators = [.. negators, .. all.SelectMany(l => l.Stoppers)];
        _clauseWords = [.. clauseWords];
    }

    private const int PrefixKey = 3;

    // "like 30 of my pills", "como 30 pastillas", "uns 30 comprimidos": a count of ten or more is a
    // quantity in every language (it only weighs next to a means, like the words of the family).
    private static readonly Entry CountEntry = new(CrisisConcept.Quantity, "und", "#count", [new("#count", false)]);

    private static bool IsCount(string token) =>
        token.Length is >= 2 and <= 3 && token.All(char.IsAsciiDigit) && token[0] != '0';

    /// <summary>Scores one normalised message (the token string of <see cref="CrisisText.Normalise"/>, idioms masked).</summary>
    public CrisisConceptScore Score(string text)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var hits = new List<Hit>();
        for (var i = 0; i < tokens.Length; i++)
        {
            Collect(tokens, i, _exact.GetValueOrDefault(tokens[i]), hits);
            if (IsCount(tokens[i]))
            {
                hits.Add(new Hit(CountEntry, i, 1));
            }

            if (tokens[i].Length >= PrefixKey)
            {
                Collect(tokens, i, _byPrefix.GetValueOrDefault(tokens[i][..PrefixKey]), hits);
            }
        }

        var present = new Dictionary<CrisisConcept, List<Hit>>();
        var languages = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            var concept = hit.Entry.Concept;
            // The words of a longer benign phrase are that phrase's: the "doei" and the "sangue" of
            // "doei sangue" are a blood donation, not a farewell and a wound.
            if (concept != CrisisConcept.Benign && hits.Any(h => h.Entry.Concept == CrisisConcept.Benign && h.Length > hit.Length && h.Contains(hit)))
            {
                continue;
            }

            switch (concept)
            {
                case CrisisConcept.Life:
                    if (!Negated(tokens, hit.Start, LifeNegationWindow, hits) && !AfterHopeless(hit, hits))
                    {
                        continue;
                    }

                    concept = CrisisConcept.Death;
                    break;
                case CrisisConcept.Need:
                    if (!Negated(tokens, hit.Start, LifeNegationWindow, hits))
                    {
                        continue;
                    }

                    concept = CrisisConcept.Farewell;
                    break;
                // "asking for a friend" is the writer's own question, not someone else's story.
                case CrisisConcept.Reported when hits.Any(h => h.Entry.Concept == CrisisConcept.Intent && h.Overlaps(hit)):
                    continue;
                // A benign phrase inside a longer cue is that cue's word, not a context: the "a day"
                // of "pick a day" is a plan, not a dosage.
                case CrisisConcept.Benign when hits.Any(h => h.Entry.Concept != CrisisConcept.Benign && h.Length > hit.Length && h.Overlaps(hit)):
                    continue;
                case CrisisConcept.Death or CrisisConcept.SelfHarm or CrisisConcept.Means or CrisisConcept.Access:
                    if (Negated(tokens, hit.Start, DeathNegationWindow, hits))
                    {
                        continue;
                    }

                    break;
            }

            if (!present.TryGetValue(concept, out var spans))
            {
                present[concept] = spans = [];
            }

            // Overlapping entries of one family ("wrote a letter", "letter to") are one cue.
            if (!spans.Any(s => s.Start < hit.Start + hit.Length && hit.Start < s.Start + s.Length))
            {
                spans.Add(hit);
            }

            if (hit.Entry.Language.Length == 2)
            {
                languages[hit.Entry.Language] = languages.GetValueOrDefault(hit.Entry.Language) + 1;
            }
        }

        var laughing = tokens.Contains("#laugh");
        return new CrisisConceptScore(present.ToDictionary(p => p.Key, p => p.Value.Count), laughing, languages.OrderByDescending(l => l.Value).Select(l => l.Key).FirstOrDefault());
    }

    private static void Collect(string[] tokens, int start, List<Entry>? candidates, List<Hit> hits)
    {
        if (candidates is null)
        {
            return;
        }

        foreach (var entry in candidates)
        {
            if (Matches(tokens, start, entry.Tokens))
            {
                hits.Add(new Hit(entry, start, entry.Tokens.Length));
            }
        }
    }

    private static bool Matches(string[] tokens, int start, CrisisConceptLexicon.Token[] pattern)
    {
        if (start + pattern.Length > tokens.Length)
        {
            return false;
        }

        for (var k = 0; k < pattern.Length; k++)
        {
            var token = tokens[start + k];
            var (word, prefix) = pattern[k];
            var ok = word == "_" ? token != CrisisText.Boundary : prefix ? token.StartsWith(word, StringComparison.Ordinal) : token == word;
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    // A negator a few tokens back in the same clause takes the cue back, unless the negator is part
    // of a cue of its own ("no aguanto más" ends the reach of its "no").
    private bool Negated(string[] tokens, int start, int window, List<Hit> hits)
    {
        for (int i = start - 1, seen = 0; i >= 0 && seen < window; i--, seen++)
        {
            var token = tokens[i];
            if (token == CrisisText.Boundary || _clauseWords.Contains(token))
            {
                return false;
            }

            if (_negators.Contains(token) && !hits.Any(h => h.Entry.Concept is CrisisConcept.Hopeless or CrisisConcept.Burden && i >= h.Start && i < h.Start + h.Length))
            {
                return true;
            }
        }

        return false;
    }

    // "tired of being alive", "done with life", "the point of waking up": a living word right after
    // a hopeless one is about not wanting to.
    private static bool AfterHopeless(Hit life, List<Hit> hits) =>
        hits.Any(h => h.Entry.Concept == CrisisConcept.Hopeless && h.Start < life.Start && life.Start - (h.Start + h.Length) <= 3);

    internal sealed record Entry(CrisisConcept Concept, string Language, string Key, CrisisConceptLexicon.Token[] Tokens);

    private readonly record struct Hit(Entry Entry, int Start, int Length)
    {
        public bool Overlaps(Hit other) => Start < other.Start + other.Length && other.Start < Start + Length;

        public bool Contains(Hit other) => Start <= other.Start && other.Start + other.Length <= Start + Length;
    }
}
