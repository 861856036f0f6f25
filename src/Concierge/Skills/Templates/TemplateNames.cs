using System.Globalization;
using System.Text;

namespace Concierge.Skills.Templates;

/// <summary>Template names that pass <c>name.format</c> (<c>^[a-z0-9_]{1,512}$</c>).</summary>
public static class TemplateNames
{
    /// <summary>Used when nothing usable is left of the input.</summary>
    public const string Fallback = "template";

    /// <summary>Length a derived name is kept under (cut at a word boundary).</summary>
    public const int MaxDerivedLength = 60;

    /// <summary>
    /// A name from what the template is for: "order shipped with tracking" → <c>order_shipped_with_tracking</c>,
    /// "confirmación de cita" → <c>confirmacion_de_cita</c>. At most 60 characters, cut at a word boundary; never empty.
    /// </summary>
    public static string FromPurpose(string? purpose) => Slug(purpose, MaxDerivedLength);

    /// <summary>
    /// A valid name for something that breaks <c>name.format</c>: ASCII-folded, lower case, every other
    /// character an underscore, runs collapsed, trimmed, at most 512 characters; never empty.
    /// </summary>
    public static string Normalize(string? name) => Slug(name, TemplateRules.MaxNameLength);

    private static string Slug(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fallback;
        }

        var folded = FoldToAscii(text.Length > 4 * max ? text[..(4 * max)] : text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        var slug = builder.ToString().Trim('_');
        if (slug.Length > max)
        {
            var cut = slug.LastIndexOf('_', max);
            slug = (cut > 0 ? slug[..cut] : slug[..max]).Trim('_');
        }

        return slug.Length == 0 ? Fallback : slug;
    }

    /// <summary>Lower case, accents removed (é → e, ñ → n) and a few letters spelt out (ß → ss, æ → ae).</summary>
    internal static string FoldToAscii(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'ł' => "l",
                'đ' => "d",
                'ð' => "d",
                'þ' => "th",
                'ı' => "i",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
