namespace Concierge.Safety;

/// <summary>What the rule tables found in one message, before the messages of a session are weighed together.</summary>
/// <param name="Suppressed">Crisis words were present but read as something else: an idiom was masked, a negation denied a match, or a past-and-resolved or research frame removed it.</param>
/// <param name="Concept">What the concept scorer found (empty when a frame silenced the message).</param>
/// <param name="Reassuring">A recovery phrase not taken back ("ya estoy mucho mejor", "i'm safe now"): the message says things are better.</param>
internal sealed record CrisisReading(IReadOnlyList<CrisisHit> Crises, IReadOnlyList<CrisisHit> Cues, string? Language, bool Suppressed = false, CrisisConceptScore? Concept = null, bool Reassuring = false)
{
    public CrisisConceptScore Concepts => Concept ?? CrisisConceptScore.Empty;

    public bool HasSignal => Crises.Count > 0 || Cues.Any(c => c.Rule.Cue != CrisisCue.Time);

    public bool Has(CrisisCue cue) => Cues.Any(c => c.Rule.Cue == cue);

    /// <summary>A distress, means, action or farewell cue of the tables (a time alone is not one).</summary>
    public bool HasSignalBesidesCrises => Cues.Any(c => c.Rule.Cue != CrisisCue.Time);
}
