using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Concierge.Skills.Templates;

/// <summary>A well-formed variable found in a text: <c>{{3}}</c> (<see cref="Number"/>) or <c>{{first_name}}</c> (<see cref="Name"/>).</summary>
internal readonly record struct TemplateVariable(int Index, int Length, string Token, int? Number, string? Name)
{
    public bool IsPositional => Number is not null;

    public int End => Index + Length;
}

/// <summary>Scanning of template text: variables, malformed braces, static words, emoji.</summary>
internal static partial class TemplateText
{
    private const char Mask = '\u0001';

    [GeneratedRegex(@"\{\{(?:(?<num>[1-9][0-9]{0,5})|(?<name>[a-z_]+))\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"\{\{?[^{}\n]{0,40}?\}\}?|\{\{?|\}\}?", RegexOptions.CultureInvariant)]
    private static partial Regex BraceFragmentPattern();

    [GeneratedRegex(@"\{\{[^{}]*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex AnyVariableLikePattern();

    /// <summary>The well-formed variables of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<TemplateVariable> Variables(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new List<TemplateVariable>();
        foreach (Match match in VariablePattern().Matches(text))
        {
            var num = match.Groups["num"];
            found.Add(new TemplateVariable(
                match.Index,
                match.Length,
                match.Value,
                num.Success ? int.Parse(num.Value, CultureInfo.InvariantCulture) : null,
                num.Success ? null : match.Groups["name"].Value));
        }

        return found;
    }

    /// <summary>Fragments with braces that are not well-formed variables (<c>{{ 1 }}</c>, <c>{1}</c>, <c>{{1}</c>, a stray <c>}</c>).</summary>
    public static IReadOnlyList<string> MalformedFragments(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny('{', '}') < 0)
        {
            return [];
        }

        var masked = MaskVariables(text, Mask);
        var fragments = new List<string>();
        foreach (Match match in BraceFragmentPattern().Matches(masked))
        {
            fragments.Add(text.Substring(match.Index, match.Length));
        }

        return fragments;
    }

    /// <summary>True when the text holds anything that looks like a variable, well-formed or not.</summary>
    public static bool HasVariableLike(string? text) =>
        !string.IsNullOrEmpty(text) && (AnyVariableLikePattern().IsMatch(text) || text.Contains("{{", StringComparison.Ordinal) || text.Contains("}}", StringComparison.Ordinal));

    /// <summary>The text with every well-formed variable replaced by <paramref name="mask"/> characters of the same length.</summary>
    public static string MaskVariables(string text, char mask)
    {
        var builder = new StringBuilder(text);
        foreach (var variable in Variables(text))
        {
            for (var i = variable.Index; i < variable.End; i++)
            {
                builder[i] = mask;
            }
        }

        return builder.ToString();
    }

    /// <summary>Words of static text (tokens with a letter or digit), variables removed.</summary>
    public static int StaticWordCount(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var masked = MaskVariables(text, ' ');
        var count = 0;
        foreach (var token in masked.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Any(char.IsLetterOrDigit))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>True when the text holds an emoji (pictographs, dingbats, symbols, flags, variation selector 16).</summary>
    public static bool ContainsEmoji(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            if (v is >= 0x1F000 and <= 0x1FAFF
                or >= 0x2600 and <= 0x27BF
                or >= 0x2300 and <= 0x23FF
                or >= 0x2B00 and <= 0x2BFF
                or 0xFE0F or 0x3030 or 0x303D or 0x3297 or 0x3299 or 0x200D or 0x20E3)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Short quote of a long text for a message.</summary>
    public static string Quote(string text, int max = 40) =>
        text.Length <= max ? $"'{text}'" : $"'{text[..max]}…'";

    /// <summary>Plural helper for messages.</summary>
    public static string Count(int n, string singular, string? plural = null) =>
        n == 1 ? $"1 {singular}" : $"{n} {plural ?? singular + "s"}";
}
