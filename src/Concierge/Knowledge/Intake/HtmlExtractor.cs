using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Concierge.Knowledge.Intake;

/// <summary>
/// The visible text of an HTML page: scripts, styles and other never-rendered elements are dropped,
/// headings stay headings (so chunks know their section) and block elements end paragraphs.
/// </summary>
internal static class HtmlExtractor
{
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
        "embed", "canvas", "audio", "video", "select", "button", "input", "textarea",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "thead", "tbody",
        "blockquote", "pre", "section", "article", "header", "footer", "nav", "main", "aside",
        "form", "fieldset", "figure", "figcaption", "address", "details", "summary", "br", "hr",
        "caption", "body", "html",
    };

    public static string? Extract(string html, TextBlockBuilder builder)
    {
        var document = new HtmlParser().ParseDocument(html);
        var paragraph = new StringBuilder();

        // An explicit stack rather than recursion: nesting depth is the uploader's choice.
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((document.DocumentElement, false));
        while (stack.Count > 0 && !builder.IsFull)
        {
            var (node, leaving) = stack.Pop();
            if (node is IText text)
            {
                paragraph.Append(text.Data);
                continue;
            }

            if (node is not IElement element || Invisible.Contains(element.LocalName) || element.HasAttribute("hidden"))
            {
                continue;
            }

            var heading = HeadingLevel(element);
            if (heading > 0)
            {
                Flush(paragraph, builder);
                builder.AddHeading(heading, element.TextContent);
                continue;
            }

            if (Blocks.Contains(element.LocalName))
            {
                Flush(paragraph, builder);
            }

            if (leaving)
            {
                continue;
            }

            stack.Push((element, true));
            for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push((element.ChildNodes[i], false));
            }
        }

        Flush(paragraph, builder);
        var title = document.Title?.Trim();
        return string.IsNullOrEmpty(title) ? null : title;
    }

    private static int HeadingLevel(IElement element) =>
        element.LocalName is { Length: 2 } name && name[0] == 'h' && name[1] is >= '1' and <= '6' ? name[1] - '0' : 0;

    private static void Flush(StringBuilder paragraph, TextBlockBuilder builder)
    {
        if (paragraph.Length > 0)
        {
            builder.AddParagraph(paragraph.ToString());
            paragraph.Clear();
        }
    }
}
