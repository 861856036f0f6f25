namespace Concierge.Safety;

/// <summary>How urgent a detected crisis looks, from none to an act under way.</summary>
public enum CrisisSeverity
{
    None,

    /// <summary>Indirect cues: feeling a burden, no reason to live, wanting to disappear.</summary>
    Low,

    /// <summary>Stated wish to die or to self-harm, or a question about lethal means.</summary>
    Medium,

    /// <summary>Intent, a plan, means at hand, or a farewell.</summary>
    High,

    /// <summary>An act under way or set for now ("I just took all the pills", "tonight").</summary>
    Imminent,
}
