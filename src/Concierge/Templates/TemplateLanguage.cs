namespace Concierge.Templates;

/// <summary>
/// Meta's template language codes use an underscore and a fixed case (<c>en_US</c>, <c>pt_BR</c>,
/// <c>es</c>, <c>fil</c>), but the status webhook has been seen sending <c>en-US</c>. Both sides
/// of a comparison go through <see cref="Normalize"/>.
/// </summary>
public static class TemplateLanguage
{
    /// <summary>Hyphens become underscores, the language part is lower case, a region part upper case.</summary>
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var parts = code.Trim().Replace('-', '_').Split('_');
        parts[0] = parts[0].ToLowerInvariant();
        for (var i = 1; i < parts.Length; i++)
        {
            parts[i] = parts[i].ToUpperInvariant();
        }

        return string.Join('_', parts);
    }
}
