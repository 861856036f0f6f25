using Concierge.Knowledge.Analysis;
using Concierge.Knowledge.Answers;
using Concierge.Knowledge.Chunking;
using Concierge.Knowledge.Intake;
using Concierge.Knowledge.Ranking;

namespace Concierge.Tests.Knowledge;

/// <summary>The whole path a question takes, as the knowledge skill will run it: intake, chunks, terms, BM25, answer.</summary>
internal sealed class KnowledgePipeline
{
    public const int PassageCount = 5;

    private readonly Dictionary<string, (DocumentText Document, Chunk Chunk)> _chunks = [];

    public KnowledgePipeline(IEnumerable<(string FileName, byte[] Content)> files)
    {
        var indexed = new List<(string, IReadOnlyList<string>)>();
        foreach (var (fileName, content) in files)
        {
            var document = KnowledgeCorpus.Accept(fileName, content);
            Documents.Add(document);
            foreach (var chunk in Chunker.Split(document))
            {
                var id = $"{document.FileName}#{chunk.Ordinal}";
                _chunks[id] = (document, chunk);

                // The title goes in with every chunk: "clinic" or "hotel" in a question is a strong hint.
                indexed.Add((id, TextAnalysis.Terms($"{document.Title}\n{chunk.IndexText}", document.Language)));
            }
        }

        Index = Bm25Index.Build(indexed);
    }

    public List<DocumentText> Documents { get; } = [];

    public Bm25Index Index { get; }

    public int ChunkCount => _chunks.Count;

    public IReadOnlyList<RankedPassage> Retrieve(string question)
    {
        var hits = Index.Search(TextAnalysis.QueryTerms(question, null), PassageCount);
        return hits.Select(hit =>
        {
            var (document, chunk) = _chunks[hit.ChunkId];
            return new RankedPassage(document.FileName, document.Title, hit.ChunkId, chunk.Text, hit.Score, chunk.HeadingPath, document.Language);
        }).ToList();
    }

    public ExtractiveAnswer Ask(string question, string replyLanguage) =>
        ExtractiveAnswerer.Answer(question, Retrieve(question), replyLanguage, Documents.Select(d => d.Title).ToList());
}
