using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Concierge.Knowledge.Analysis;

namespace Concierge.Knowledge.Intake;

/// <summary>
/// Checks an uploaded file and pulls out its text: the type comes from the content, the size and the
/// work done are bounded, and every way it can fail ends in a refusal with a code instead of an exception.
/// </summary>
public static class DocumentIntake
{
    public const int MaxTitleLength = 150;

    public static IntakeResult Inspect(string fileName, ReadOnlyMemory<byte> content, long maxBytes) =>
        Inspect(fileName, content, new IntakeLimits { MaxBytes = maxBytes });

    public static IntakeResult Inspect(string fileName, ReadOnlyMemory<byte> content, IntakeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (content.IsEmpty)
        {
            return IntakeResult.Refused(IntakeRefusal.EmptyFile());
        }

        if (content.Length > limits.MaxBytes)
        {
            return IntakeResult.Refused(IntakeRefusal.TooLarge(content.Length, limits.MaxBytes));
        }

        var safeName = SafeFileName.From(fileName);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var builder = new TextBlockBuilder(limits.MaxChars);
        DocumentType type;
        string? title;
        var truncated = false;

        if (ContentSniffer.IsPdf(content.Span))
        {
            type = DocumentType.Pdf;
            try
            {
                title = PdfExtractor.Extract(AsArray(content), limits, builder, out truncated);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // PdfPig throws many kinds of exception on damaged files; all mean the same to the uploader.
                return IntakeResult.Refused(IntakeRefusal.Unreadable("the PDF is damaged or encrypted"));
            }

            if (!builder.HasText)
            {
                return IntakeResult.Refused(IntakeRefusal.NoText("the PDF has no text layer (a scan needs OCR first)"));
            }
        }
        else
        {
            var text = ContentSniffer.DecodeText(content.Span);
            if (text is null)
            {
                return IntakeResult.Refused(IntakeRefusal.UnsupportedType("the content is binary or not UTF-8"));
            }

            type = ContentSniffer.TextType(text, safeName);
            title = null;
            switch (type)
            {
                case DocumentType.Html:
                    title = HtmlExtractor.Extract(text, builder);
                    break;
                case DocumentType.Markdown:
                    MarkdownExtractor.Extract(text, builder);
                    break;
                default:
                    PlainTextExtractor.Extract(text, builder);
                    break;
            }

            if (!builder.HasText)
            {
                return IntakeResult.Refused(IntakeRefusal.NoText(type == DocumentType.Html ? "the page has no visible text" : "the file holds only blank space"));
            }
        }

        var (documentText, blocks) = builder.Build();
        return IntakeResult.Accepted(new DocumentText(
            safeName,
            type,
            hash,
            Title(title ?? builder.FirstTopHeading ?? Path.GetFileNameWithoutExtension(safeName)),
            TextAnalysis.GuessLanguage(documentText),
            documentText,
            blocks,
            truncated || builder.IsFull));
    }

    // A title is shown in every citation: one line, of a readable length.
    private static string Title(string title)
    {
        var line = string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => !w.Any(char.IsControl)));
        if (line.Length > MaxTitleLength)
        {
            var cut = char.IsHighSurrogate(line[MaxTitleLength - 1]) ? MaxTitleLength - 1 : MaxTitleLength;
            line = line[..cut].TrimEnd() + "…";
        }

        return line.Length == 0 ? SafeFileName.Fallback : line;
    }

    private static byte[] AsArray(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : content.ToArray();
}
