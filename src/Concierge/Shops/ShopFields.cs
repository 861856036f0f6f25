using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Concierge.Shops;

/// <summary>The rules of a shop's fields, the same for the admin API, the CSV import and the command.</summary>
public static partial class ShopFields
{
    public const int MaxSlug = 80;
    public const int MaxName = 200;
    public const int MaxCategory = 40;
    public const int MaxAddress = 500;
    public const int MaxPhone = 40;
    public const int MaxHours = 500;

    /// <summary>A slug: lowercase letters, digits and single dashes, 1 to 80 characters (no path characters).</summary>
    public static bool IsSlug(string? value) => value is { Length: > 0 and <= MaxSlug } && SlugPattern().IsMatch(value);

    public static string Slug(string? value, string field = "slug")
    {
        var slug = value?.Trim().ToLowerInvariant();
        return IsSlug(slug) ? slug! : throw new ShopInputException(field, $"'{field}' must be 1 to {MaxSlug} lowercase letters, digits and dashes (like 'mesa-cuts').");
    }

    /// <summary>A slug made from a name: "Bishop's Barbershop, Tempe" becomes "bishops-barbershop-tempe".</summary>
    public static string SlugFrom(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        var slug = DashRun().Replace(builder.ToString(), "-").Trim('-');
        return slug.Length > MaxSlug ? slug[..MaxSlug].TrimEnd('-') : slug;
    }

    public static string Name(string? value) => Text(value, "name", MaxName, required: true)!;

    public static string Category(string? value)
    {
        var category = Text(value, "category", MaxCategory, required: true)!.ToLowerInvariant();
        return category;
    }

    public static string? Address(string? value) => Text(value, "address", MaxAddress, required: false, multiline: true);

    public static string? Phone(string? value) => Text(value, "phone", MaxPhone, required: false);

    public static string? Hours(string? value) => Text(value, "hours", MaxHours, required: false, multiline: true);

    public static double Latitude(double value, string field = "latitude") =>
        double.IsFinite(value) && value is >= -90 and <= 90 ? value : throw new ShopInputException(field, $"'{field}' must be a number from -90 to 90.");

    public static double Longitude(double value, string field = "longitude") =>
        double.IsFinite(value) && value is >= -180 and <= 180 ? value : throw new ShopInputException(field, $"'{field}' must be a number from -180 to 180.");

    private static string? Text(string? value, string field, int max, bool required, bool multiline = false)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return required ? throw new ShopInputException(field, $"'{field}' is required.") : null;
        }

        if (text.Length > max || text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            throw new ShopInputException(field, $"'{field}' must be text of at most {max} characters, without control characters{(multiline ? " (line breaks are fine)" : string.Empty)}.");
        }

        return text;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex DashRun();
}

/// <summary>A shop field has a value Concierge cannot take; the API answers 422 naming <see cref="Field"/>.</summary>
public sealed class ShopInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
