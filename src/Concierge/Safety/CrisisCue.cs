namespace Concierge.Safety;

/// <summary>
/// What a context rule's words point at. A cue is not a crisis alone ("I'm on the bridge", "🔪");
/// two cues together, or a cue after earlier distress, are.
/// </summary>
internal enum CrisisCue
{
    None,
    Distress,
    Means,
    Action,
    Farewell,

    /// <summary>"tonight", "ahora": only raises the severity of something already found.</summary>
    Time,
}
