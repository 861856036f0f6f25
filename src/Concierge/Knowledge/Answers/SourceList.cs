namespace Concierge.Knowledge.Answers;

/// <summary>
/// The numbered source line that ends every cited knowledge reply: "Sources: [1] Title; [3] Title"
/// (Fuentes, Fontes). The offline answer and the model-worded reply both end with it, so the two
/// read alike; the numbers are the ones the reply's [n] markers use, gaps included, so each marker
/// finds its source. The server writes it, never the model: a model could list a source it did not use.
/// </summary>
public static class SourceList
{
    /// <summary>What goes between the reply and the list.</summary>
    public const string Separator = "\n\n";

    /// <param name="cited">Each cited number with the passage it names, in the order to list them.</param>
    /// <param name="language">The reply's language, for the heading.</param>
    public static string Format(IReadOnlyList<(int Number, RankedPassage Passage)> cited, string language)
    {
        ArgumentNullException.ThrowIfNull(cited);
        return AnswerPhrases.For(language).Sources + ": "
            + string.Join("; ", cited.Select(c => $"[{c.Number}] {Name(c.Passage, cited)}"));
    }

    // Two chunks of one document would read "[1] FAQ; [2] FAQ": then the section tells them apart.
    private static string Name(RankedPassage passage, IReadOnlyList<(int Number, RankedPassage Passage)> cited)
    {
        if (cited.Count(c => c.Passage.Title == passage.Title) < 2)
        {
            return passage.Title;
        }

        var prefix = passage.Title + Chunking.Chunk.HeadingSeparator;
        var section = passage.HeadingPath.StartsWith(prefix, StringComparison.Ordinal) ? passage.HeadingPath[prefix.Length..] : passage.HeadingPath;
        return section.Length == 0 || section == passage.Title ? passage.Title : $"{passage.Title} ({section})";
    }
}
