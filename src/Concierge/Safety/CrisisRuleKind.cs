namespace Concierge.Safety;

/// <summary>The part a rule table entry plays in the matcher.</summary>
internal enum CrisisRuleKind
{
    /// <summary>A figure of speech ("me muero de la risa"): its words are masked before anything else reads them.</summary>
    Idiom,

    /// <summary>A crisis on its own words.</summary>
    Crisis,

    /// <summary>A context cue (see <see cref="CrisisCue"/>).</summary>
    Cue,

    /// <summary>"years ago", "antes": half of the past-and-resolved frame.</summary>
    Past,

    /// <summary>"I'm fine now", "ya lo superé": the other half.</summary>
    Recovered,

    /// <summary>Homework and research framing ("for my psychology essay").</summary>
    Research,
}
