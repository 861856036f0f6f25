namespace Concierge.Conversations;

/// <summary>Session ids on the wire: a UUID in its usual 36-character form.</summary>
public static class SessionIds
{
    /// <summary>Parses a caller's session id; anything malformed is "not found" rather than a 500 or a 400 leak of format rules.</summary>
    public static Guid ParseOrNotFound(string? raw) =>
        raw is { Length: <= 64 } && Guid.TryParse(raw, out var id)
            ? id
            : throw new SessionNotFoundException(Truncate(raw));

    private static string Truncate(string? raw) => raw is null ? string.Empty : raw.Length <= 64 ? raw : raw[..64] + "...";
}
