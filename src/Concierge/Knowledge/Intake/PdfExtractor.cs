using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Concierge.Knowledge.Intake;

/// <summary>
/// PDF text through PdfPig, page by page, stopping at the page and character limits. PDF has no
/// paragraphs or headings, only positioned words, so they are rebuilt: words on one baseline make a
/// line, a wider gap than usual between lines ends a paragraph, and a short line set clearly larger
/// than the page's body text is taken for a heading.
/// </summary>
internal static class PdfExtractor
{
    private const double HeadingSizeRatio = 1.15;
    private const double ParagraphGapRatio = 1.6;
    private const int MaxHeadingLength = 120;

    public static string? Extract(byte[] pdf, IntakeLimits limits, TextBlockBuilder builder, out bool pagesCut)
    {
        using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var pages = Math.Min(document.NumberOfPages, limits.MaxPdfPages);
        pagesCut = document.NumberOfPages > pages;
        for (var number = 1; number <= pages && !builder.IsFull; number++)
        {
            var page = document.GetPage(number);

            // A page with more letters than the whole budget is a bomb or a scan of noise: stop here.
            if (page.Letters.Count > limits.MaxChars)
            {
                pagesCut = true;
                break;
            }

            AddPage(Lines(page.GetWords()), builder);
        }

        var title = document.Information.Title?.Trim();
        return string.IsNullOrEmpty(title) ? null : title;
    }

    private static void AddPage(List<Line> lines, TextBlockBuilder builder)
    {
        if (lines.Count == 0)
        {
            return;
        }

        // The body size is the one most of the page's characters are set in.
        var bodySize = lines.GroupBy(l => Math.Round(l.Size, 1)).MaxBy(g => g.Sum(l => l.Text.Length))!.Key;
        var paragraph = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Size >= bodySize * HeadingSizeRatio && line.Text.Length <= MaxHeadingLength)
            {
                Flush(paragraph, builder);
                builder.AddHeading(1, line.Text);
                continue;
            }

            paragraph.Add(line.Text);
            var gap = i + 1 < lines.Count ? line.Bottom - lines[i + 1].Bottom : 0;
            if (gap > line.Size * ParagraphGapRatio * 1.2)
            {
                Flush(paragraph, builder);
            }
        }

        Flush(paragraph, builder);
    }

    // Words in reading order: top to bottom by baseline, then left to right within a line.
    private static List<Line> Lines(IEnumerable<Word> words)
    {
        var lines = new List<Line>();
        var current = new List<Word>();
        foreach (var word in words.Where(w => w.Letters.Count > 0).OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            if (current.Count > 0 && Math.Abs(current[0].BoundingBox.Bottom - word.BoundingBox.Bottom) > Size(current[0]) / 2)
            {
                lines.Add(ToLine(current));
                current.Clear();
            }

            current.Add(word);
        }

        if (current.Count > 0)
        {
            lines.Add(ToLine(current));
        }

        return lines;
    }

    private static Line ToLine(List<Word> words)
    {
        var ordered = words.OrderBy(w => w.BoundingBox.Left).ToList();
        return new Line(string.Join(' ', ordered.Select(w => w.Text)), ordered.Max(Size), ordered[0].BoundingBox.Bottom);
    }

    private static double Size(Word word) => word.Letters[0].PointSize;

    private static void Flush(List<string> paragraph, TextBlockBuilder builder)
    {
        if (paragraph.Count > 0)
        {
            builder.AddParagraph(string.Join(' ', paragraph));
            paragraph.Clear();
        }
    }

    private readonly record struct Line(string Text, double Size, double Bottom);
}
