using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Concierge.Knowledge.Intake;

/// <summary>
/// Markdown through Markdig, so a "#" inside a code fence is not taken for a heading and link
/// targets, emphasis marks and raw HTML do not end up in the text a reader is shown.
/// </summary>
internal static class MarkdownExtractor
{
    public static void Extract(string markdown, TextBlockBuilder builder)
    {
        var document = Markdown.Parse(markdown);
        foreach (var block in document.Descendants<LeafBlock>())
        {
            switch (block)
            {
                case HeadingBlock heading:
                    builder.AddHeading(heading.Level, InlineText(heading.Inline));
                    break;
                case ParagraphBlock paragraph:
                    builder.AddParagraph(InlineText(paragraph.Inline));
                    break;
                case CodeBlock code:
                    builder.AddParagraph(code.Lines.ToString());
                    break;
            }

            if (builder.IsFull)
            {
                return;
            }
        }
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var item in inline.Descendants())
        {
            switch (item)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline link:
                    text.Append(link.Url);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }

        return text.ToString();
    }
}
