namespace Concierge.Safety;

/// <summary>
/// Which cue families one message holds (distinct entries per family) and what they weigh together.
/// The weights are set by hand and justified in docs/safety.md: a death, self-harm or means cue
/// needs company (a wish, a plan, hopelessness, a burden) and the first person to make a crisis;
/// a joke, someone else's story or a technical context takes weight away.
/// </summary>
internal sealed record CrisisConceptScore(IReadOnlyDictionary<CrisisConcept, int> Families, bool Laughing, string? Language)
{
    public static readonly CrisisConceptScore Empty = new(new Dictionary<CrisisConcept, int>(), false, null);

    public int this[CrisisConcept concept] => Families.GetValueOrDefault(concept);

    /// <summary>Some family besides the first person and the guards: the message says something of its own.</summary>
    public bool HasCue => Families.Any(f => f.Value > 0 && f.Key is not (CrisisConcept.Self or CrisisConcept.Reported or CrisisConcept.Benign or CrisisConcept.Pastime));

    /// <summary>
    /// This message read together with the earlier ones: their families added, the laugh and the
    /// language this message's. "ya está todo listo para esta noche" is a plan; after "compré las
    /// pastillas" it is a plan with the means.
    /// </summary>
    public CrisisConceptScore With(IEnumerable<CrisisConceptScore> earlier)
    {
        var families = new Dictionary<CrisisConcept, int>(Families);
        foreach (var (concept, count) in earlier.SelectMany(e => e.Families))
        {
            families[concept] = families.GetValueOrDefault(concept) + count;
        }

        return this with { Families = families };
    }

    /// <summary>The message is about the writer: a first-person word or a first-person wish.</summary>
    /// A death cue with a method or a burden is about the writer too ("qual o jeito mais rápido de
    /// morrer", "nadie se daría cuenta si desapareciera"), and so is self-harm with its means when no one
    /// else's story is told ("🔪🩸 otra vez").
    public bool FirstPerson => this[CrisisConcept.Self] > 0 || this[CrisisConcept.Intent] > 0
        || (this[CrisisConcept.Death] > 0 && (this[CrisisConcept.Means] > 0 || this[CrisisConcept.Burden] > 0))
        || (this[CrisisConcept.Means] > 0 && this[CrisisConcept.Access] > 0)
        || (this[CrisisConcept.SelfHarm] > 0 && this[CrisisConcept.Means] > 0 && this[CrisisConcept.Reported] == 0);

    /// <summary>Families that can carry a crisis; the others only add to one.</summary>
    public bool HasCore => this[CrisisConcept.Death] > 0 || this[CrisisConcept.SelfHarm] > 0 || this[CrisisConcept.Means] > 0
        || this[CrisisConcept.Burden] > 0 || this[CrisisConcept.Farewell] > 0;

    /// <summary>Someone else's story told without a first-person word: "a movie where the character takes pills to end it all".</summary>
    public bool ReportedOnly => this[CrisisConcept.Reported] > 0 && this[CrisisConcept.Self] == 0 && this[CrisisConcept.Intent] == 0;

    /// <summary>A laugh about a trivial stake: "meu time perdeu de novo, quero morrer kkkk" (a laugh alone is not enough: "quiero morir lol").</summary>
    public bool LaughingAboutAPastime => Laughing && this[CrisisConcept.Pastime] > 0;

    /// <summary>Distress an earlier message passes on, so that one cue of the next one ("bought a bunch of pills") weighs as after distress.</summary>
    public bool IsDistress => this[CrisisConcept.Death] > 0 || this[CrisisConcept.Hopeless] > 0
        || this[CrisisConcept.Burden] > 0 || this[CrisisConcept.SelfHarm] > 0;

    /// <summary>Something an earlier message passes on to the next one: despair, loss, a death or burden cue.</summary>
    public bool IsContext => this[CrisisConcept.Death] > 0 || this[CrisisConcept.Hopeless] > 0 || this[CrisisConcept.Loss] > 0
        || this[CrisisConcept.Burden] > 0 || this[CrisisConcept.SelfHarm] > 0;

    public double Value(bool earlierContext)
    {
        var means = this[CrisisConcept.Means] > 0;
        var score = (2.0 * Math.Min(1, this[CrisisConcept.Death]))
            + (2.5 * Math.Min(1, this[CrisisConcept.SelfHarm]))
            + (1.5 * Math.Min(1, this[CrisisConcept.Means]))
            + (0.5 * Math.Min(1, this[CrisisConcept.Place]))
            + (means ? 1.0 * Math.Min(1, this[CrisisConcept.Access]) : 0)
            + (means ? 1.5 * Math.Min(1, this[CrisisConcept.Quantity]) : 0)
            + (1.0 * Math.Min(2, this[CrisisConcept.Hopeless]))
            + (1.5 * Math.Min(2, this[CrisisConcept.Burden]))
            + (1.5 * Math.Min(2, this[CrisisConcept.Farewell]))
            + (1.0 * Math.Min(1, this[CrisisConcept.Plan]))
            + (1.0 * Math.Min(1, this[CrisisConcept.Intent]))
            + (0.5 * Math.Min(1, this[CrisisConcept.Loss]))
            - (1.5 * Math.Min(1, this[CrisisConcept.Reported]))
            - (2.0 * Math.Min(1, this[CrisisConcept.Benign]))
            - (Laughing ? 2.0 : 0);
        return HasCore && earlierContext ? score + 1.0 : score;
    }

    public bool IsCrisis(bool earlierContext) => FirstPerson && HasCore && Value(earlierContext) >= CrisisConceptScorer.Threshold;

    /// <summary>The strongest family present, for the rule id ("es.concept.farewell").</summary>
    public CrisisConcept Primary =>
        new[] { CrisisConcept.SelfHarm, CrisisConcept.Death, CrisisConcept.Means, CrisisConcept.Farewell, CrisisConcept.Burden }
            .First(c => this[c] > 0);

    /// <summary>Means or self-harm together with access, a plan or a wish is an intent, not only a thought.</summary>
    public CrisisSeverity Severity =>
        (this[CrisisConcept.Means] > 0 || this[CrisisConcept.SelfHarm] > 0)
        && (this[CrisisConcept.Access] > 0 || this[CrisisConcept.Plan] > 0 || this[CrisisConcept.Intent] > 0)
            ? CrisisSeverity.High
            : CrisisSeverity.Medium;
}
