namespace Concierge.Knowledge.Intake;

/// <summary>
/// Plain text has no markup: a blank line ends a paragraph. The one convention taken from it is a
/// title: a short first line standing alone, without a full stop, becomes the top heading.
/// </summary>
internal static class PlainTextExtractor
{
    private const int MaxTitleLength = 100;

    public static void Extract(string text, TextBlockBuilder builder)
    {
        var first = true;
        foreach (var paragraph in Paragraphs(text))
        {
            if (first && paragraph.Length <= MaxTitleLength && !paragraph.TrimEnd().EndsWith('.'))
            {
                builder.AddHeading(1, paragraph);
            }
            else
            {
                builder.AddParagraph(paragraph);
            }

            first = false;
            if (builder.IsFull)
            {
                return;
            }
        }
    }

    internal static IEnumerable<string> Paragraphs(string text)
    {
        var current = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (current.Count > 0)
                {
                    yield return string.Join(' ', current);
                    current.Clear();
                }

                continue;
            }

            current.Add(line);
        }

        if (current.Count > 0)
        {
            yield return string.Join(' ', current);
        }
    }
}
