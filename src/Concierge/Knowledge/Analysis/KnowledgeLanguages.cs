namespace Concierge.Knowledge.Analysis;

/// <summary>The languages documents are analysed in, as two-letter codes.</summary>
public static class KnowledgeLanguages
{
    public const string English = "en";
    public const string Spanish = "es";
    public const string Portuguese = "pt";

    public static IReadOnlyList<string> All { get; } = [English, Spanish, Portuguese];

    /// <summary>"es-MX" → "es", "PT" → "pt"; anything not analysed here falls back to English.</summary>
    public static string Normalize(string? language)
    {
        var code = (language ?? string.Empty).Trim();
        code = code.Length >= 2 ? code[..2].ToLowerInvariant() : code.ToLowerInvariant();
        return code is Spanish or Portuguese ? code : English;
    }
}
