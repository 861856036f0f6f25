namespace Concierge.Skills.Templates;

/// <summary>
/// The template language codes the validator accepts. The list is configuration: pass your own
/// (e.g. from settings) or use <see cref="Default"/>, Meta's list as FACTS.md gives it (the long-standing
/// list plus the regional codes confirmed by the pywa SDK). Codes use an underscore and Meta's case.
/// </summary>
public sealed class TemplateLanguages
{
    /// <summary>Meta's template language codes (FACTS.md §1.2, the CONFIRMED lists).</summary>
    public static IReadOnlyList<string> DefaultCodes { get; } =
    [
        "af", "sq", "ar", "az", "bn", "bg", "ca", "zh_CN", "zh_HK", "zh_TW", "hr", "cs", "da", "nl",
        "en", "en_GB", "en_US", "et", "fil", "fi", "fr", "de", "el", "gu", "ha", "he", "hi", "hu", "id",
        "ga", "it", "ja", "kn", "kk", "ko", "lo", "lv", "lt", "mk", "ms", "ml", "mr", "nb", "fa", "pl",
        "pt_BR", "pt_PT", "pa", "ro", "ru", "sr", "sk", "sl", "es", "es_AR", "es_ES", "es_MX", "sw", "sv",
        "ta", "te", "th", "tr", "uk", "ur", "uz", "vi", "zu",
        "ka", "rw_RW", "ky_KG", "ar_EG", "ar_AE", "ar_LB", "ar_MA", "ar_QA", "ar_SA", "en_AU", "en_CA",
        "en_IN", "fr_CA", "fr_BE", "es_CL", "es_CO", "es_PE", "es_VE",
    ];

    public static TemplateLanguages Default { get; } = new(DefaultCodes);

    private readonly HashSet<string> _exact;
    private readonly Dictionary<string, string> _byFoldedCode;

    /// <param name="codes">Accepted codes in Meta's form (<c>en_US</c>); blanks are ignored.</param>
    public TemplateLanguages(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var list = codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        Codes = list;
        _exact = new HashSet<string>(list, StringComparer.Ordinal);
        _byFoldedCode = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in list)
        {
            _byFoldedCode.TryAdd(Fold(code), code);
        }
    }

    public IReadOnlyList<string> Codes { get; }

    /// <summary>True when <paramref name="code"/> is an accepted code exactly as Meta writes it.</summary>
    public bool Contains(string? code) => code is not null && _exact.Contains(code);

    /// <summary>
    /// The canonical code for <paramref name="code"/>: hyphen or underscore, any case, surrounding spaces
    /// (<c>en-US</c>, <c>EN_us</c>, <c>pt-br</c> → <c>en_US</c>, <c>pt_BR</c>). A regional code that is not
    /// on the list falls back to its base language when that is (<c>de-DE</c> → <c>de</c>). Null when nothing matches.
    /// </summary>
    public string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var folded = Fold(code);
        if (_byFoldedCode.TryGetValue(folded, out var canonical))
        {
            return canonical;
        }

        var separator = folded.IndexOf('_', StringComparison.Ordinal);
        return separator > 0 && _byFoldedCode.TryGetValue(folded[..separator], out var baseCode) ? baseCode : null;
    }

    private static string Fold(string code) => code.Trim().Replace('-', '_').ToLowerInvariant();
}
