using Concierge.Knowledge.Answers;

namespace Concierge.Knowledge.Library;

/// <summary>The start of a passage as one line of plain text, cut at a word, at most <see cref="Citation.MaxSnippetChars"/> characters.</summary>
public static class Snippets
{
    public static string Of(string text)
    {
        var flat = string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= Citation.MaxSnippetChars)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', Citation.MaxSnippetChars - 1);
        return flat[..(cut > 0 ? cut : Citation.MaxSnippetChars - 1)] + "…";
    }
}
