namespace Concierge.Safety;

/// <summary>
/// What <see cref="CrisisDetector"/> concluded about one message. <see cref="Reason"/> is short English
/// wording chosen by the rule, never the user's text, so it can go into logs and events.
/// </summary>
/// <param name="Rule">The stable id of the rule that decided ("es.direct.ideation"); null when no crisis.</param>
/// <param name="Language">"es", "en" or "pt" as guessed from the text; null when there is nothing to go on.</param>
public sealed record CrisisAssessment(bool IsCrisis, CrisisSeverity Severity, string? Rule, string? Language, string? Reason)
{
    /// <summary>
    /// No crisis, but not a clear no either: a cue in this or a recent message, or crisis words the
    /// tables read as an idiom, a negation, the past or research. Only such messages (and Low
    /// detections) are worth a model's second opinion.
    /// </summary>
    public bool Ambiguous { get; init; }

    /// <summary>This message itself has a distress, means, action or farewell cue (or is a crisis): it is not a calm message.</summary>
    public bool HasCue { get; init; }

    /// <summary>
    /// A crisis only because one of the earlier messages was one (<c>xx.context.after_crisis</c>):
    /// <see cref="HasCue"/> then says whether this message has a cue of its own.
    /// </summary>
    public bool Continues { get; init; }

    public static CrisisAssessment None(string? language) => new(false, CrisisSeverity.None, null, language, null);
}
