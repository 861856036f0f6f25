namespace Concierge.Safety;

/// <summary>
/// Picks the crisis protocol for an agent's locale and the language the user wrote in. Built-in
/// protocols (see <see cref="DefaultCrisisProtocols"/>) can be overridden per locale by configuration.
/// </summary>
public sealed class CrisisProtocols
{
    private const string LastResort = "en-US";

    private readonly Dictionary<string, CrisisProtocol> _byLocale = new(StringComparer.OrdinalIgnoreCase);

    public CrisisProtocols(IEnumerable<CrisisProtocolOverride>? overrides = null)
    {
        foreach (var protocol in DefaultCrisisProtocols.All)
        {
            _byLocale[protocol.Locale] = protocol;
        }

        foreach (var change in overrides ?? [])
        {
            var locale = Canonical(change.Locale);
            // A new locale starts from its language's default wording, so only the hotline is required.
            var basis = _byLocale.GetValueOrDefault(locale) ?? LanguageDefault(locale.Split('-')[0]) ?? _byLocale[LastResort];
            _byLocale[locale] = basis with
            {
                Locale = locale,
                Hotlines = change.Hotlines is { Count: > 0 } hotlines ? hotlines : basis.Hotlines,
                EmergencyNumber = change.EmergencyNumber ?? basis.EmergencyNumber,
                ReplyTemplate = change.ReplyTemplate ?? basis.ReplyTemplate,
                FollowUpTemplate = change.FollowUpTemplate ?? basis.FollowUpTemplate,
            };
        }
    }

    public static CrisisProtocols Default { get; } = new();

    /// <summary>
    /// The protocol for <paramref name="locale"/> ("es-CL", "en", "pt_BR"): the exact locale, else the
    /// locale's language default (es-CL, en-US, pt-BR), else en-US. When the user wrote in another
    /// known language, the words follow the user: that language in the same region if configured,
    /// else its default wording with the agent's own hotlines (or, for a locale without a region or
    /// protocol, that language's default outright).
    /// </summary>
    public CrisisProtocol For(string locale, string? detectedLanguage)
    {
        var canonical = Canonical(locale);
        var parts = canonical.Split('-');
        var language = parts[0];
        var detected = string.IsNullOrWhiteSpace(detectedLanguage) ? null : detectedLanguage.Trim().ToLowerInvariant();
        var local = _byLocale.GetValueOrDefault(canonical) ?? LanguageDefault(language) ?? _byLocale[LastResort];
        if (detected is null || detected == language || LanguageDefault(detected) is not { } inUserLanguage)
        {
            return local;
        }

        if (parts.Length > 1 && _byLocale.GetValueOrDefault($"{detected}-{parts[1]}") is { } sameRegion)
        {
            return sameRegion;
        }

        // The words follow the user, but a regional agent keeps its own numbers: a US line does not
        // answer in Chile. Without a region there is nothing better than the user's language default.
        return parts.Length > 1 && _byLocale.ContainsKey(canonical)
            ? inUserLanguage with { Locale = $"{detected}-{parts[1]}", Hotlines = local.Hotlines, EmergencyNumber = local.EmergencyNumber }
            : inUserLanguage;
    }

    private static string Canonical(string? locale)
    {
        var parts = (locale ?? string.Empty).Trim().Replace('_', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => LastResort,
            1 => parts[0].ToLowerInvariant(),
            _ => $"{parts[0].ToLowerInvariant()}-{parts[1].ToUpperInvariant()}",
        };
    }

    private CrisisProtocol? LanguageDefault(string language) =>
        DefaultCrisisProtocols.LanguageDefaults.TryGetValue(language, out var locale) ? _byLocale.GetValueOrDefault(locale) : null;
}
