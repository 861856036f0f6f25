using System.Collections.Concurrent;

namespace Concierge.Safety;

/// <summary>
/// Offline, multilingual crisis detection over rule tables (Spanish, English, Portuguese). Every
/// table runs on every message, so mixed-language text is read too. Immutable after construction
/// and safe to share between threads; build it once.
/// </summary>
public sealed class CrisisDetector
{
    // Earlier messages that can turn a cue ("I have the pills here") into a crisis.
    private const int ContextMessages = 3;

    // How many tokens before a phrase a "no"/"never" still denies it ("nunca he pensado en ...").
    private const int NegationWindow = 4;

    // Earlier messages come back turn after turn; their readings are kept, up to a bound.
    private const int RememberedReadings = 4096;

    private static readonly Lazy<CrisisDetector> Shared = new(() => new CrisisDetector());

    private readonly ConcurrentDictionary<string, CrisisReading> _earlierReadings = new(StringComparer.Ordinal);

    private readonly CrisisLanguage[] _languages;
    private readonly CrisisRuleIndex _idioms;
    private readonly CrisisRuleIndex _crises;
    private readonly CrisisRuleIndex _cues;
    private readonly CrisisRuleIndex _frames;
    private readonly HashSet<string> _negators;
    private readonly HashSet<string> _clauseWords;
    private readonly CrisisConceptScorer _concepts;

    public CrisisDetector()
        : this([SpanishCrisisRules.Build(), EnglishCrisisRules.Build(), PortugueseCrisisRules.Build(), CrisisEmoji.Rules()], CrisisConceptLexicons.All())
    {
    }

    internal CrisisDetector(IReadOnlyList<CrisisLanguage> languages, IReadOnlyList<CrisisConceptLexicon>? concepts = null)
    {
        _languages = [.. languages];
        var rules = languages.SelectMany(l => l.Rules).ToArray();
        _idioms = new(rules.Where(r => r.Kind == CrisisRuleKind.Idiom));
        _crises = new(rules.Where(r => r.Kind == CrisisRuleKind.Crisis));
        _cues = new(rules.Where(r => r.Kind == CrisisRuleKind.Cue));
        _frames = new(rules.Where(r => r.Kind is CrisisRuleKind.Past or CrisisRuleKind.Recovered or CrisisRuleKind.Research));
        _negators = [.. languages.SelectMany(l => l.Negators)];
        _clauseWords = [.. languages.SelectMany(l => l.ClauseWords)];
        _concepts = new CrisisConceptScorer(concepts ?? [], _negators, _clauseWords);
    }

    /// <summary>The detector with the built-in tables, built on first use.</summary>
    public static CrisisDetector Default => Shared.Value;

    /// <param name="recentUserMessages">The session's previous user messages, oldest first; may be empty.</param>
    public CrisisAssessment Assess(string text, IReadOnlyList<string> recentUserMessages)
    {
        var current = Read(text);
        var earlier = (recentUserMessages ?? []).TakeLast(ContextMessages).Select(ReadEarlier).ToList();
        var language = current.Language ?? earlier.LastOrDefault(e => e.Language is not null)?.Language;

        var earlierSignal = earlier.Any(e => e.HasSignal);
        var crises = WithoutFigures(current, earlierSignal);
        if (crises.Count > 0)
        {
            var top = crises.OrderByDescending(h => h.Rule.Severity).First();
            var severity = top.Rule.Severity;
            if (current.Has(CrisisCue.Means) || current.Has(CrisisCue.Action))
            {
                severity = Max(severity, CrisisSeverity.High);
            }

            return new CrisisAssessment(true, Escalate(severity, current), top.Rule.Id, LanguageOf(top, language), top.Rule.Reason) { HasCue = true };
        }

        var signals = Distinct(current.Cues.Where(c => c.Rule.Cue != CrisisCue.Time));
        var concept = current.Concepts;
        var conceptContext = earlierSignal || earlier.Any(e => e.Concepts.IsContext);
        var conceptValue = concept.Value(conceptContext);
        var ambiguous = signals.Count > 0 || current.Suppressed || current.Crises.Count > 0 || earlierSignal || (concept.HasCore && conceptValue >= CrisisConceptScorer.AmbiguousAt);
        var acting = signals.Any(c => c.Rule.Cue is CrisisCue.Means or CrisisCue.Action);
        var code = (signals.Count > 0 ? LanguageOf(signals[0], language) : language ?? concept.Language) ?? "und";
        if (signals.Count >= 2)
        {
            var reason = string.Join(", ", signals.Select(s => s.Rule.Reason).Distinct());
            return new CrisisAssessment(true, Escalate(acting ? CrisisSeverity.High : CrisisSeverity.Medium, current), $"{code}.context.combined", code, reason) { HasCue = true };
        }

        // A single cue is ordinary on its own ("I'm on the bridge") but not after distress, whether
        // the tables or the concept families read the distress ("I can't take this pain anymore").
        if (signals.Count == 1 && (earlierSignal || earlier.Any(e => e.Concepts.IsDistress)))
        {
            var severity = acting || signals[0].Rule.Cue == CrisisCue.Farewell ? CrisisSeverity.High : CrisisSeverity.Medium;
            return new CrisisAssessment(true, Escalate(severity, current), $"{code}.context.after_distress", code, $"{signals[0].Rule.Reason} after earlier distress") { HasCue = true };
        }

        // No phrase of the tables, but cue families that weigh enough together in the first person.
        if (concept.IsCrisis(conceptContext))
        {
            var conceptLanguage = language ?? concept.Language;
            var primary = concept.Primary.ToString().ToLowerInvariant();
            var reason = "concept cues: " + string.Join(", ", concept.Families.Where(f => f.Value > 0 && f.Key is not CrisisConcept.Self).Select(f => f.Key.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal));
            var severity = Max(concept.Severity, acting ? CrisisSeverity.High : CrisisSeverity.Medium);
            return new CrisisAssessment(true, Escalate(severity, current), $"{conceptLanguage ?? "und"}.concept.{primary}", conceptLanguage, reason) { HasCue = true };
        }

        // A crisis spread over messages: this one adds something of its own (a plan, a time, a
        // farewell) to what the last few said, and together they weigh as one crisis would.
        if (current.Concepts.HasCue && !current.Reassuring && current.Concepts.With(earlier.Select(e => e.Concepts)) is var together
            && together.IsCrisis(conceptContext))
        {
            var conceptLanguage = language ?? together.Language;
            var reason = "concept cues over the last messages: " + string.Join(", ", together.Families.Where(f => f.Value > 0 && f.Key is not CrisisConcept.Self).Select(f => f.Key.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal));
            return new CrisisAssessment(true, Escalate(Max(together.Severity, acting ? CrisisSeverity.High : CrisisSeverity.Medium), current), $"{conceptLanguage ?? "und"}.context.spread", conceptLanguage, reason) { HasCue = true };
        }

        // A crisis goes on after the message that said it: "dile a mi hermano que lo quiero" after "me tomé 30 pastillas"
        // is the same emergency, though it holds no cue. Only a message that says things are better, takes the words
        // back, jokes or is plainly about something else ends it.
        if (earlier.LastOrDefault(IsCrisisOnItsOwn) is { } earlierCrisis && !current.Reassuring && !current.Suppressed
            && !current.Concepts.Laughing && current.Concepts[CrisisConcept.Benign] == 0)
        {
            var severity = Max(CrisisSeverity.Medium, earlierCrisis.Crises.Select(h => h.Rule.Severity).DefaultIfEmpty(earlierCrisis.Concepts.Severity).Max());
            return new CrisisAssessment(true, Escalate(severity, current), $"{code}.context.after_crisis", code, "an earlier message of the last few was a crisis")
            {
                Continues = true,
                HasCue = signals.Count > 0 || (concept.HasCore && conceptValue >= CrisisConceptScorer.AmbiguousAt),
            };
        }

        return CrisisAssessment.None(language) with { Ambiguous = ambiguous, HasCue = signals.Count > 0 || (concept.HasCore && conceptValue >= CrisisConceptScorer.AmbiguousAt) };
    }

    private static CrisisSeverity Max(CrisisSeverity a, CrisisSeverity b) => a > b ? a : b;

    // An earlier message that is a crisis read alone (its figures of speech left out), not only a cue.
    private static bool IsCrisisOnItsOwn(CrisisReading earlier) =>
        WithoutFigures(earlier, earlierSignal: false).Count > 0 || earlier.Concepts.IsCrisis(earlierContext: false);

    // A wish to die said laughing about a game ("perdió mi equipo, me quiero morir jajaja") or someone else's story
    // told without a first-person word ("a movie where the character takes pills to end it all") is
    // a figure of speech when nothing else in the session points to a crisis. Only wishes and
    // thoughts (Medium and below) are read so: a plan, the means or an act under way always counts,
    // and so does any cue in this message or distress in the last few. The message stays ambiguous,
    // so a configured model still gives its second opinion.
    private static List<CrisisHit> WithoutFigures(CrisisReading current, bool earlierSignal)
    {
        var figurative = !earlierSignal && !current.HasSignalBesidesCrises && (current.Concepts.LaughingAboutAPastime || current.Concepts.ReportedOnly);
        return figurative ? [.. current.Crises.Where(h => h.Rule.Severity > CrisisSeverity.Medium)] : [.. current.Crises];
    }

    // "tonight", "ahora": a plan with a time is no longer only a plan.
    private static CrisisSeverity Escalate(CrisisSeverity severity, CrisisReading reading) =>
        severity >= CrisisSeverity.High && reading.Has(CrisisCue.Time) ? CrisisSeverity.Imminent : severity;

    private static string? LanguageOf(CrisisHit hit, string? guessed) => hit.Rule.Language.Length == 2 ? hit.Rule.Language : guessed;

    // The same words matched by two tables are one cue, and so are all emoji (💊🔪🪦 is one cue, not
    // three): emoji only count next to words.
    private static List<CrisisHit> Distinct(IEnumerable<CrisisHit> hits)
    {
        static string Key(CrisisHit hit) => hit.Rule.Language == CrisisEmoji.Table ? hit.Rule.Id : hit.Text;

        var kept = new List<CrisisHit>();
        foreach (var hit in hits.OrderByDescending(h => h.Length))
        {
            if (!kept.Any(k => k.Overlaps(hit) || Key(k) == Key(hit)))
            {
                kept.Add(hit);
            }
        }

        return kept;
    }

    private CrisisReading ReadEarlier(string? message)
    {
        if (message is null)
        {
            return Read(message);
        }

        if (_earlierReadings.Count >= RememberedReadings)
        {
            _earlierReadings.Clear();
        }

        return _earlierReadings.GetOrAdd(message, Read);
    }

    private CrisisReading Read(string? message)
    {
        var text = CrisisText.Normalise(message ?? string.Empty);
        if (text.Length <= 2)
        {
            return new CrisisReading([], [], null);
        }

        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        foreach (var idiom in _idioms.Candidates(tokens))
        {
            text = idiom.Pattern.Mask(text, "#idiom");
        }

        var suppressed = text.Contains("#idiom", StringComparison.Ordinal);
        var found = Matches(_cues, text, tokens, [], ref suppressed);

        // "no puedo más, quiero morirme": the "no" of a distress phrase must not deny what follows.
        var distress = found.Where(c => c.Rule.Cue == CrisisCue.Distress).ToList();
        var crisisHits = Matches(_crises, text, tokens, distress, ref suppressed);
        var past = Any(CrisisRuleKind.Past, text, tokens);
        var recovered = Recovered(text, tokens);
        var resolved = past && recovered;
        var research = Any(CrisisRuleKind.Research, text, tokens);
        if (resolved || research)
        {
            // Past and resolved, or homework: only an act under way or a lethal-means question stays.
            suppressed |= crisisHits.RemoveAll(h => h.Rule.Severity < CrisisSeverity.Imminent && (resolved || h.Rule.Framed)) > 0;
            suppressed |= found.Count > 0;
            found.Clear();
        }

        // The frames silence the concept scorer as they silence the cues.
        var concepts = resolved || research ? CrisisConceptScore.Empty : _concepts.Score(text);
        return new CrisisReading(crisisHits, found, GuessLanguage(crisisHits, tokens), suppressed, concepts, recovered);
    }

    private List<CrisisHit> Matches(CrisisRuleIndex rules, string text, IReadOnlySet<string> tokens, List<CrisisHit> distress, ref bool denied)
    {
        var hits = new List<CrisisHit>();
        foreach (var rule in rules.Candidates(tokens))
        {
            foreach (System.Text.RegularExpressions.Match match in rule.Pattern.Matches(text))
            {
                if (!IsDenied(text, match.Index, distress))
                {
                    hits.Add(new CrisisHit(rule, match.Index, match.Length, match.Value));
                }
                else
                {
                    denied = true;
                }
            }
        }

        return hits;
    }

    // "I used to be happy, now I'm not okay": a recovery phrase with a negator in its gap or just
    // before it ("im ..2 okay", "no estoy bien") is no recovery, so it cannot silence the message.
    private bool Recovered(string text, IReadOnlySet<string> tokens) =>
        _frames.Candidates(tokens).Where(f => f.Kind == CrisisRuleKind.Recovered).Any(f => f.Pattern.Matches(text).Any(m =>
            !IsDenied(text, m.Index, []) && !m.Value.Split(' ').Any(_negators.Contains)));

    private bool Any(CrisisRuleKind kind, string text, IReadOnlySet<string> tokens) =>
        _frames.Candidates(tokens).Any(f => f.Kind == kind && f.Pattern.IsMatch(text));

    // Looks back from a match over a few tokens of the same clause for a negating word. A distress
    // phrase ends the clause: its own "no" ("no aguanto más") denies nothing after it.
    private bool IsDenied(string text, int start, List<CrisisHit> distress)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        for (var seen = 0; seen < NegationWindow && before.Length > 0; seen++)
        {
            var space = before.LastIndexOf(' ');
            var token = before[(space + 1)..].ToString();
            var at = space + 1;
            if (token == CrisisText.Boundary || _clauseWords.Contains(token) || distress.Any(d => at >= d.Start && at < d.Start + d.Length))
            {
                return false;
            }

            if (_negators.Contains(token))
            {
                return true;
            }

            before = space < 0 ? [] : before[..space].TrimEnd();
        }

        return false;
    }

    // Frequent words decide, with the languages whose rules matched counting double; a tie is no guess.
    private string? GuessLanguage(List<CrisisHit> hits, IReadOnlySet<string> tokens)
    {
        var scores = _languages.Where(l => l.Markers.Count > 0)
            .Select(l => (l.Code, Score: tokens.Count(l.Markers.Contains) + (2 * hits.Count(h => h.Rule.Language == l.Code))))
            .OrderByDescending(s => s.Score)
            .ToList();
        if (scores.Count == 0 || scores[0].Score == 0)
        {
            return null;
        }

        return scores.Count == 1 || scores[0].Score > scores[1].Score ? scores[0].Code : hits.FirstOrDefault().Rule?.Language;
    }
}
