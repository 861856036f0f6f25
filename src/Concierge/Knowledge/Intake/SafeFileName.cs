using System.Globalization;
using System.Text;

namespace Concierge.Knowledge.Intake;

/// <summary>
/// Turns whatever name a client sent into one that is safe to store, show and (if ever written to a
/// disk) use as a file name on Linux or Windows. The name is only for display: nothing is looked up by it.
/// </summary>
public static class SafeFileName
{
    public const int MaxLength = 120;

    public const string Fallback = "document";

    // Windows treats these as devices whatever the extension ("CON.txt" is the console too).
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    public static string From(string? fileName)
    {
        var name = (fileName ?? string.Empty).Normalize(NormalizationForm.FormC);

        // Only the last path part counts, whichever separator the client's system uses.
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        name = name[(lastSeparator + 1)..];

        var cleaned = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            cleaned.Append(IsAllowed(rune) ? rune.ToString() : "_");
        }

        // Leading dots hide files or climb directories; trailing dots and spaces are dropped by Windows.
        var safe = CollapseUnderscores(cleaned.ToString()).Trim().TrimStart('.').TrimEnd('.', ' ');
        if (safe.Length == 0 || safe.All(c => c == '_'))
        {
            return Fallback;
        }

        var stem = safe.Split('.')[0].TrimEnd(' ');
        if (ReservedNames.Contains(stem))
        {
            safe = "_" + safe;
        }

        return Shorten(safe);
    }

    private static bool IsAllowed(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
        {
            return false;
        }

        // Characters Windows refuses in names, plus the ones that make a name awkward in a shell or a header.
        return rune.Value is not ('<' or '>' or ':' or '"' or '|' or '?' or '*' or '/' or '\\');
    }

    private static string CollapseUnderscores(string name)
    {
        var result = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c == '_' && result.Length > 0 && result[^1] == '_')
            {
                continue;
            }

            result.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }

        return result.ToString();
    }

    // Keeps the extension when cutting, and never cuts a surrogate pair or a combined character in half.
    private static string Shorten(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= 10 ? name[dot..] : string.Empty;
        var stem = name[..(name.Length - extension.Length)];
        var room = MaxLength - extension.Length;
        var info = new StringInfo(stem);
        var cut = new StringBuilder();
        for (var i = 0; i < info.LengthInTextElements; i++)
        {
            var element = info.SubstringByTextElements(i, 1);
            if (cut.Length + element.Length > room)
            {
                break;
            }

            cut.Append(element);
        }

        return cut.ToString().TrimEnd('.', ' ') + extension;
    }
}
