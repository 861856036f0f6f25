using Concierge.Knowledge.Analysis;
using Concierge.Knowledge.Chunking;
using Concierge.Knowledge.Intake;

namespace Concierge.Knowledge.Library;

/// <summary>
/// Turns an accepted upload into stored chunks: split, then analysed as docs/knowledge.md says
/// (the title in front of the heading path and text, in the document's language), so the terms
/// in the table are exactly what the BM25 index ranks.
/// </summary>
public static class DocumentIndexing
{
    public static IndexedText Index(DocumentText document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var chunks = Chunker.Split(document)
            .Select(c => new StoredChunk(
                Guid.Empty,
                Guid.Empty,
                c.Ordinal,
                c.HeadingPath,
                c.Text,
                TextAnalysis.AnalyzedTerms($"{document.Title}\n{c.IndexText}", document.Language),
                document.Title,
                document.Language))
            .ToList();
        return new IndexedText(document.Type.ToString().ToLowerInvariant(), document.Title, document.Language, chunks);
    }
}
