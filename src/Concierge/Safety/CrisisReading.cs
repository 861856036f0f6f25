namespace Concierge.Safety;

/// <summary>What the rule tables found in one message, before the messages of a session are weighed together.</summary>
internal sealed record CrisisReading(IReadOnlyList<CrisisHit> Crises, IReadOnlyList<CrisisHit> Cues, string? Language)
{
    public bool HasSignal => Crises.Count > 0 || Cues.Any(c => c.Rule.Cue != CrisisCue.Time);

    public bool Has(CrisisCue cue) => Cues.Any(c => c.Rule.Cue == cue);
}
