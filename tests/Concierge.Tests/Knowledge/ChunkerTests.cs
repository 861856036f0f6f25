using System.Text;
using Concierge.Knowledge.Chunking;
using Concierge.Knowledge.Intake;

namespace Concierge.Tests.Knowledge;

public class ChunkerTests
{
    private static DocumentText Markdown(string markdown) =>
        DocumentIntake.Inspect("doc.md", Encoding.UTF8.GetBytes(markdown), 1 << 20).Document!;

    private static string Sentences(string topic, int count) =>
        string.Join(' ', Enumerable.Range(1, count).Select(i => $"Sentence {i} explains one more detail about {topic} for the customer."));

    [Fact]
    public void Chunks_carry_the_path_of_headings_above_them()
    {
        var document = Markdown("# Billing\n\nHow we bill.\n\n## Refunds\n\nRefunds take five days.\n\n## Invoices\n\nInvoices are emailed.\n\n# Support\n\nWrite to us.");

        var chunks = Chunker.Split(document);

        Assert.Equal(["Billing", "Billing > Refunds", "Billing > Invoices", "Support"], chunks.Select(c => c.HeadingPath));
        Assert.Equal(["How we bill.", "Refunds take five days.", "Invoices are emailed.", "Write to us."], chunks.Select(c => c.Text));
        Assert.Equal([0, 1, 2, 3], chunks.Select(c => c.Ordinal));
        Assert.Equal("Billing > Refunds\nRefunds take five days.", chunks[1].IndexText);
    }

    [Fact]
    public void Every_chunk_is_exactly_the_text_between_its_offsets()
    {
        var document = Markdown($"# Returns\n\n{Sentences("returns", 30)}\n\n{Sentences("refunds", 12)}\n\n## Exchanges\n\n{Sentences("exchanges", 40)}");

        foreach (var chunk in Chunker.Split(document))
        {
            Assert.Equal(document.Text[chunk.Start..chunk.End], chunk.Text);
        }
    }

    [Fact]
    public void A_long_section_is_split_near_the_target_never_over_the_maximum_and_with_overlap()
    {
        var options = new ChunkingOptions { TargetChars = 400, MaxChars = 600, OverlapChars = 100 };
        var document = Markdown($"# Warranty\n\n{Sentences("the warranty", 60)}");

        var chunks = Chunker.Split(document, options);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c => Assert.InRange(c.Text.Length, 1, options.MaxChars));
        Assert.All(chunks.SkipLast(1), c => Assert.InRange(c.Text.Length, 200, options.MaxChars));
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.True(chunks[i].Start < chunks[i - 1].End, $"chunk {i} does not overlap the one before");
            Assert.True(chunks[i].End > chunks[i - 1].End);
            Assert.StartsWith("Sentence", chunks[i].Text);
        }
    }

    [Fact]
    public void A_paragraph_with_no_sentence_ends_is_cut_between_words()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 2_000));
        var document = Markdown(words);

        var chunks = Chunker.Split(document);

        Assert.All(chunks, c => Assert.True(c.Text.Length <= 1200));
        Assert.All(chunks, c => Assert.DoesNotContain("wo rd", c.Text));
        Assert.All(chunks, c => Assert.StartsWith("word", c.Text));
    }

    [Fact]
    public void Short_sections_are_never_merged_across_a_heading()
    {
        var document = Markdown("## Hours\n\nOpen at nine.\n\n## Parking\n\nFree after six.");

        Assert.Equal(2, Chunker.Split(document).Count);
    }

    [Fact]
    public void A_document_of_headings_only_still_gives_a_chunk() =>
        Assert.Single(Chunker.Split(Markdown("# Price list\n\n## Coming soon")));

    [Fact]
    public void Overlap_larger_than_half_the_target_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Chunker.Split(Markdown("Text."), new ChunkingOptions { TargetChars = 200, OverlapChars = 150 }));
}
