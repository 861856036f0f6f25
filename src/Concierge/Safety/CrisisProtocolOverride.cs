namespace Concierge.Safety;

/// <summary>
/// An agent's own crisis protocol for a locale, as configuration gives it. Anything left null keeps
/// the built-in value, so a clinic can list its own line and keep the default wording.
/// </summary>
public sealed record CrisisProtocolOverride(
    string Locale,
    IReadOnlyList<CrisisHotline>? Hotlines = null,
    string? EmergencyNumber = null,
    string? ReplyTemplate = null,
    string? FollowUpTemplate = null);
