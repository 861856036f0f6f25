namespace Concierge.Safety;

/// <summary>Where one rule matched in a normalised message; <see cref="Text"/> is the folded tokens, kept only to tell cues apart.</summary>
internal readonly record struct CrisisHit(CrisisRule Rule, int Start, int Length, string Text)
{
    public bool Overlaps(CrisisHit other) => Start < other.Start + other.Length && other.Start < Start + Length;
}
