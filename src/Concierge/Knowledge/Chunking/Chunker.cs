using Concierge.Knowledge.Intake;

namespace Concierge.Knowledge.Chunking;

/// <summary>
/// Splits a document into chunks that never cross a heading: each section (the paragraphs under one
/// heading path) is packed into chunks of about the target size, breaking between paragraphs, then
/// between sentences, then between words. Chunks are spans of the document's text, so offsets are exact.
/// </summary>
public static class Chunker
{
    public static IReadOnlyList<Chunk> Split(DocumentText document, ChunkingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= new ChunkingOptions();
        options.Validate();

        var chunks = new List<Chunk>();
        var headings = new List<TextBlock>();
        var section = new List<TextBlock>();
        foreach (var block in document.Blocks)
        {
            if (block.Kind == TextBlockKind.Paragraph)
            {
                section.Add(block);
                continue;
            }

            Pack(document.Text, Path(headings), section, options, chunks);
            section.Clear();
            headings.RemoveAll(h => h.Level >= block.Level);
            headings.Add(block);
        }

        Pack(document.Text, Path(headings), section, options, chunks);

        // A document of headings alone still has something to find: its headings, as text.
        if (chunks.Count == 0 && document.Blocks.Count > 0)
        {
            Pack(document.Text, string.Empty, document.Blocks.ToList(), options, chunks);
        }

        return chunks;
    }

    private static string Path(List<TextBlock> headings) => string.Join(Chunk.HeadingSeparator, headings.Select(h => h.Text));

    private static void Pack(string text, string headingPath, List<TextBlock> paragraphs, ChunkingOptions options, List<Chunk> chunks)
    {
        var units = Units(text, paragraphs, options);
        int? previousStart = null;
        var previousEnd = 0;
        for (var i = 0; i < units.Count;)
        {
            var start = previousStart is null ? units[i].Start : OverlapStart(text, previousStart.Value, previousEnd, units[i].Start, options.OverlapChars);
            var end = units[i].End;
            var next = i + 1;
            while (next < units.Count && units[next].End - start <= options.TargetChars)
            {
                end = units[next].End;
                next++;
            }

            chunks.Add(new Chunk(chunks.Count, headingPath, text[start..end], start, end));
            previousStart = start;
            previousEnd = end;
            i = next;
        }
    }

    // The pieces chunks are packed from: whole paragraphs when they fit, else sentences, else words.
    // Each piece leaves room for the overlap and a paragraph break, so no chunk exceeds MaxChars.
    private static List<(int Start, int End)> Units(string text, List<TextBlock> paragraphs, ChunkingOptions options)
    {
        var room = Math.Max(1, options.MaxChars - options.OverlapChars - 2);
        var units = new List<(int Start, int End)>();
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Text.Length <= room)
            {
                units.Add((paragraph.Start, paragraph.End));
                continue;
            }

            var piece = (Start: -1, End: -1);
            foreach (var sentence in SentenceSplitter.Split(text, paragraph.Start, paragraph.End))
            {
                if (piece.Start >= 0 && sentence.End - piece.Start <= Math.Min(room, options.TargetChars))
                {
                    piece.End = sentence.End;
                    continue;
                }

                if (piece.Start >= 0)
                {
                    units.Add(piece);
                }

                piece = sentence;
                while (piece.End - piece.Start > room)
                {
                    var cut = WordBreak(text, piece.Start, piece.Start + room);
                    units.Add((piece.Start, cut));
                    piece.Start = SkipSpace(text, cut, piece.End);
                }
            }

            if (piece.Start >= 0 && piece.End > piece.Start)
            {
                units.Add(piece);
            }
        }

        return units;
    }

    // Starts the overlap at a sentence start if one lies in the overlap window, else at a word start.
    private static int OverlapStart(string text, int previousStart, int previousEnd, int fallback, int overlap)
    {
        if (overlap == 0)
        {
            return fallback;
        }

        var from = Math.Max(previousStart + 1, previousEnd - overlap);
        foreach (var sentence in SentenceSplitter.Split(text, previousStart, previousEnd))
        {
            if (sentence.Start >= from)
            {
                return sentence.Start;
            }
        }

        var space = text.IndexOf(' ', from, previousEnd - from);
        return space < 0 ? fallback : SkipSpace(text, space, previousEnd) is var start && start < previousEnd ? start : fallback;
    }

    private static int WordBreak(string text, int start, int limit)
    {
        var space = text.LastIndexOf(' ', limit - 1, limit - start);
        var cut = space > start ? space : limit;
        return char.IsHighSurrogate(text[cut - 1]) ? cut - 1 : cut;
    }

    private static int SkipSpace(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
