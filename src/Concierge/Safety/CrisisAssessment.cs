namespace Concierge.Safety;

/// <summary>
/// What <see cref="CrisisDetector"/> concluded about one message. <see cref="Reason"/> is short English
/// wording chosen by the rule, never the user's text, so it can go into logs and events.
/// </summary>
/// <param name="Rule">The stable id of the rule that decided ("es.direct.ideation"); null when no crisis.</param>
/// <param name="Language">"es", "en" or "pt" as guessed from the text; null when there is nothing to go on.</param>
public sealed record CrisisAssessment(bool IsCrisis, CrisisSeverity Severity, string? Rule, string? Language, string? Reason)
{
    public static CrisisAssessment None(string? language) => new(false, CrisisSeverity.None, null, language, null);
}
