using System.Text;
using System.Text.RegularExpressions;

namespace Concierge.Knowledge.Intake;

/// <summary>
/// Decides what a file is from its bytes. The name's extension only breaks ties between kinds of
/// text (Markdown or plain), because a client can call anything "notes.txt".
/// </summary>
internal static partial class ContentSniffer
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The tags the WHATWG MIME sniffing standard accepts as the start of an HTML document.
    private static readonly string[] HtmlStarts =
    [
        "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table",
        "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--",
    ];

    public static bool IsPdf(ReadOnlySpan<byte> content)
    {
        // Readers accept the header anywhere in the first kilobyte, after junk some generators write.
        var head = content[..Math.Min(content.Length, 1024)];
        return head.IndexOf("%PDF-"u8) >= 0;
    }

    /// <summary>The content as text, or null when it is not UTF-8 (or BOM-marked UTF-16) text.</summary>
    public static string? DecodeText(ReadOnlySpan<byte> content)
    {
        string text;
        try
        {
            text = content switch
            {
                [0xEF, 0xBB, 0xBF, ..] => StrictUtf8.GetString(content[3..]),
                [0xFF, 0xFE, ..] => new UnicodeEncoding(false, false, true).GetString(content[2..]),
                [0xFE, 0xFF, ..] => new UnicodeEncoding(true, false, true).GetString(content[2..]),
                _ => StrictUtf8.GetString(content),
            };
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }

        return LooksLikeText(text) ? text : null;
    }

    public static DocumentType TextType(string text, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (LooksLikeHtml(text) || (extension is ".html" or ".htm" or ".xhtml" && AnyTag().IsMatch(text)))
        {
            return DocumentType.Html;
        }

        if (extension is ".md" or ".markdown" or ".mdown" or ".mkd")
        {
            return DocumentType.Markdown;
        }

        return extension != ".txt" && AtxHeading().IsMatch(text) ? DocumentType.Markdown : DocumentType.Text;
    }

    // Valid UTF-8 can still be binary: NUL bytes never occur in text, and other control characters
    // in more than a trace mean a format we do not read.
    private static bool LooksLikeText(string text)
    {
        var controls = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return false;
            }

            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                controls++;
            }
        }

        return controls * 100 <= text.Length;
    }

    private static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        foreach (var tag in HtmlStarts)
        {
            if (start.StartsWith(tag, StringComparison.OrdinalIgnoreCase)
                && start.Length > tag.Length
                && (tag == "<!--" || start[tag.Length] is ' ' or '>' or '\t' or '\n' or '\r'))
            {
                return true;
            }
        }

        // A page that begins with an XML declaration or a comment usually has its <html> soon after.
        var head = start[..Math.Min(start.Length, 1024)];
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"<[a-zA-Z][a-zA-Z0-9]*[\s/>]")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+\S", RegexOptions.Multiline)]
    private static partial Regex AtxHeading();
}
