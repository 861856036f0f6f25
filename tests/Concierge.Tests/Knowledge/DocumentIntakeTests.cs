using System.Text;
using Concierge.Knowledge.Intake;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Concierge.Tests.Knowledge;

public class DocumentIntakeTests
{
    private const long Limit = 1024 * 1024;

    private static IntakeResult Inspect(string name, string content) => DocumentIntake.Inspect(name, Encoding.UTF8.GetBytes(content), Limit);

    private static void AssertRefused(IntakeResult result, string code, int status)
    {
        Assert.False(result.IsAccepted);
        Assert.Equal(code, result.Refusal.Code);
        Assert.Equal("file", result.Refusal.Field);
        Assert.Equal(status, result.Refusal.StatusCode);
    }

    [Fact]
    public void An_empty_file_is_refused_as_empty() =>
        AssertRefused(DocumentIntake.Inspect("notes.txt", ReadOnlyMemory<byte>.Empty, Limit), IntakeRefusalCodes.EmptyFile, 400);

    [Fact]
    public void A_file_over_the_limit_is_refused_with_413_before_it_is_read() =>
        AssertRefused(DocumentIntake.Inspect("big.txt", new byte[101], 100), IntakeRefusalCodes.TooLarge, 413);

    [Fact]
    public void A_binary_file_named_txt_is_refused_as_an_unsupported_type()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52 };

        AssertRefused(DocumentIntake.Inspect("holiday.txt", png, Limit), IntakeRefusalCodes.UnsupportedType, 415);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused_rather_than_shown_garbled()
    {
        var latin1 = Encoding.Latin1.GetBytes("Política de devolución: 30 días.");

        AssertRefused(DocumentIntake.Inspect("politica.txt", latin1, Limit), IntakeRefusalCodes.UnsupportedType, 415);
    }

    [Fact]
    public void A_file_of_blank_space_has_no_text() =>
        AssertRefused(Inspect("blank.txt", " \n\n \t "), IntakeRefusalCodes.NoText, 422);

    [Fact]
    public void A_page_with_only_scripts_and_styles_has_no_text() =>
        AssertRefused(
            Inspect("page.html", "<html><head><style>p{}</style></head><body><script>document.write('hello')</script><noscript>Enable JS</noscript></body></html>"),
            IntakeRefusalCodes.NoText,
            422);

    [Fact]
    public void Html_keeps_visible_text_and_headings_and_drops_scripts_styles_noscript_and_templates()
    {
        var result = Inspect("faq.htm", """
            <!DOCTYPE html><html><head><title>Shop FAQ</title><style>.x{color:red}</style></head>
            <body><h1>Shipping</h1><p>We ship in <b>two</b> days.</p><script>var secret = "hidden";</script>
            <template><p>never shown</p></template><noscript>turn on scripts</noscript><div hidden>also hidden</div>
            <h2>Returns</h2><ul><li>Within 30 days.</li><li>Unused items only.</li></ul></body></html>
            """);

        Assert.True(result.IsAccepted);
        var document = result.Document;
        Assert.Equal(DocumentType.Html, document.Type);
        Assert.Equal("Shop FAQ", document.Title);
        Assert.Equal(
            [(TextBlockKind.Heading, "Shipping"), (TextBlockKind.Paragraph, "We ship in two days."), (TextBlockKind.Heading, "Returns"), (TextBlockKind.Paragraph, "Within 30 days."), (TextBlockKind.Paragraph, "Unused items only.")],
            document.Blocks.Select(b => (b.Kind, b.Text)));
        Assert.DoesNotContain("secret", document.Text);
        Assert.DoesNotContain("never shown", document.Text);
        Assert.DoesNotContain("turn on scripts", document.Text);
        Assert.DoesNotContain("also hidden", document.Text);
    }

    [Fact]
    public void The_type_comes_from_the_content_not_the_name()
    {
        Assert.Equal(DocumentType.Html, Inspect("page.txt", "<!doctype html><p>Hello there</p>").Document?.Type);
        Assert.Equal(DocumentType.Pdf, DocumentIntake.Inspect("scan.txt", KnowledgeCorpus.Pdf(["Hello from a PDF."]), Limit).Document?.Type);
        Assert.Equal(DocumentType.Text, Inspect("report.pdf", "Just words, no PDF here.").Document?.Type);
    }

    [Fact]
    public void Markdown_headings_are_recognised_and_a_hash_in_a_code_fence_is_not_a_heading()
    {
        var result = Inspect("guide.md", "# Billing\n\nWe bill **monthly**. See [the portal](https://example.com).\n\n## Refunds\n\n```\n# not a heading\n```\n");

        var blocks = result.Document!.Blocks;
        Assert.Equal([(TextBlockKind.Heading, 1, "Billing"), (TextBlockKind.Paragraph, 0, "We bill monthly. See the portal."), (TextBlockKind.Heading, 2, "Refunds"), (TextBlockKind.Paragraph, 0, "# not a heading")], blocks.Select(b => (b.Kind, b.Level, b.Text)));
        Assert.Equal("Billing", result.Document.Title);
    }

    [Fact]
    public void A_pdf_gives_its_text_page_by_page_with_larger_lines_as_headings()
    {
        var pdf = KnowledgeCorpus.Pdf(["# Guests", "Members may bring a guest twice a month.", "# Lockers", "Day lockers are free."]);

        var document = DocumentIntake.Inspect("terms.pdf", pdf, Limit).Document!;

        Assert.Equal(DocumentType.Pdf, document.Type);
        Assert.Equal([(TextBlockKind.Heading, "Guests"), (TextBlockKind.Paragraph, "Members may bring a guest twice a month."), (TextBlockKind.Heading, "Lockers"), (TextBlockKind.Paragraph, "Day lockers are free.")], document.Blocks.Select(b => (b.Kind, b.Text)));
    }

    [Fact]
    public void A_pdf_without_a_text_layer_has_no_text()
    {
        using var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).DrawRectangle(new PdfPoint(50, 50), 200, 100);

        AssertRefused(DocumentIntake.Inspect("scan.pdf", builder.Build(), Limit), IntakeRefusalCodes.NoText, 422);
    }

    [Fact]
    public void A_corrupt_pdf_is_unreadable_not_an_exception() =>
        AssertRefused(DocumentIntake.Inspect("broken.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF garbage"), Limit), IntakeRefusalCodes.Unreadable, 422);

    [Fact]
    public void A_pdf_with_more_pages_than_allowed_is_read_up_to_the_limit_and_marked_truncated()
    {
        var pdf = KnowledgeCorpus.Pdf(Enumerable.Range(1, 120).Select(i => $"Paragraph number {i} of a long manual that goes on and on for many pages."));

        var document = DocumentIntake.Inspect("manual.pdf", pdf, new IntakeLimits { MaxBytes = Limit, MaxPdfPages = 1 }).Document!;

        Assert.True(document.Truncated);
        Assert.Contains("Paragraph number 1 ", document.Text);
        Assert.DoesNotContain("Paragraph number 120 ", document.Text);
    }

    [Fact]
    public void Extracted_text_stops_at_the_character_limit()
    {
        var text = string.Join("\n\n", Enumerable.Repeat("A sentence of ordinary words to fill the page.", 1000));

        var document = DocumentIntake.Inspect("long.txt", Encoding.UTF8.GetBytes(text), new IntakeLimits { MaxBytes = Limit, MaxChars = 5_000 }).Document!;

        Assert.True(document.Truncated);
        Assert.True(document.Text.Length <= 5_000);
    }

    [Fact]
    public void The_same_bytes_give_the_same_hash_whatever_the_name()
    {
        var a = Inspect("a.txt", "Opening hours: 9 to 5.").Document!;
        var b = Inspect("b.md", "Opening hours: 9 to 5.").Document!;

        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", a.ContentHash);
    }

    [Fact]
    public void A_plain_text_file_gets_its_short_first_line_as_title_and_its_language_guessed()
    {
        var document = Inspect("politica.txt", "\uFEFFPolítica de devoluciones\n\nPuede devolver el producto en los primeros 30 días y le devolvemos el dinero.").Document!;

        Assert.Equal("Política de devoluciones", document.Title);
        Assert.Equal("es", document.Language);
        Assert.Equal("politica.txt", document.FileName);
    }

    [Fact]
    public void Unsafe_names_are_made_safe_in_the_accepted_document() =>
        Assert.Equal("passwd", Inspect("../../etc/passwd", "root is not here").Document?.FileName);

    [Fact]
    public void Extracted_text_has_plain_spaces_and_no_control_characters()
    {
        var builder = new TextBlockBuilder(1_000);
        builder.AddParagraph("Line\tone\u0007 and\r\n  two \uD800 👍.\u0000");

        Assert.Equal("Line one and two 👍.", builder.Build().Text);
    }
}
