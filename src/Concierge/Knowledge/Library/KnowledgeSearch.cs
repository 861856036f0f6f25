using System.Collections.Concurrent;
using Concierge.Knowledge.Analysis;
using Concierge.Knowledge.Answers;
using Concierge.Knowledge.Ranking;
using Microsoft.Extensions.Logging;

namespace Concierge.Knowledge.Library;

/// <summary>
/// Search over a tenant's ready documents: the in-memory <see cref="Bm25Index"/> built from the
/// stored terms (docs/knowledge.md says why not the databases' full-text ranking), fused by
/// reciprocal rank fusion with the cosine ranking of the query's embedding when an
/// <see cref="IEmbedder"/> is configured and chunks have embeddings. A failed query embedding
/// leaves the lexical ranking alone. The index is cached per tenant with the store's version;
/// each search reads the version (one small query), so a change made through another instance is
/// seen on the next search.
/// </summary>
public sealed class KnowledgeSearch(IKnowledgeStore store, IEnumerable<IEmbedder> embedders, ILogger<KnowledgeSearch> logger)
{
    // Agent-scoped documents are filtered after ranking; asking for more keeps the top full.
    private const int Oversample = 4;

    private readonly IEmbedder? _embedder = embedders.FirstOrDefault();
    private readonly ConcurrentDictionary<Guid, TenantIndex> _indexes = new();

    /// <summary>The best passages for the query, best first; empty when nothing matches or the query has no terms.</summary>
    public async Task<IReadOnlyList<RankedPassage>> SearchAsync(
        Guid tenantId, string query, int limit, string? agentKey = null, string? language = null, CancellationToken cancellationToken = default)
    {
        var terms = TextAnalysis.QueryTerms(query ?? string.Empty, language);
        if (terms.Count == 0 || limit <= 0)
        {
            return [];
        }

        var index = await IndexAsync(tenantId, cancellationToken);
        var ranked = index.Bm25.Search(terms, limit * Oversample);
        if (_embedder is not null && index.Vectors.Count > 0)
        {
            ranked = await FuseAsync(_embedder, query!, ranked, index, limit * Oversample, cancellationToken);
        }

        return ranked
            .Select(hit => (hit, chunk: index.Chunks[hit.ChunkId]))
            .Where(x => agentKey is null || x.chunk.AgentKey is null || x.chunk.AgentKey == agentKey)
            .Take(limit)
            .Select(x => new RankedPassage(
                x.chunk.DocumentId.ToString(), x.chunk.Title, x.hit.ChunkId, x.chunk.Text, x.hit.Score, x.chunk.HeadingPath, x.chunk.Language))
            .ToList();
    }

    private async Task<IReadOnlyList<ScoredChunk>> FuseAsync(
        IEmbedder embedder, string query, IReadOnlyList<ScoredChunk> lexical, TenantIndex index, int depth, CancellationToken cancellationToken)
    {
        try
        {
            var vector = (await embedder.EmbedAsync([query.Length <= 2000 ? query : query[..2000]], cancellationToken))[0];
            var semantic = index.Vectors
                .Where(v => v.Vector.Length == vector.Length)
                .Select(v => new ScoredChunk(v.ChunkId, VectorMath.Cosine(vector, v.Vector)))
                .OrderByDescending(s => s.Score)
                .Take(depth)
                .ToList();
            return ReciprocalRankFusion.Fuse(lexical, semantic);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("The query embedding failed ({Error}); this search ranks lexically", e.Message);
            return lexical;
        }
    }

    private async Task<TenantIndex> IndexAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var version = await store.VersionAsync(tenantId, cancellationToken);
        if (_indexes.TryGetValue(tenantId, out var cached) && cached.Version == version)
        {
            return cached;
        }

        // Two searches racing on a stale index may both build it; the result is the same.
        var chunks = await store.SearchableChunksAsync(tenantId, cancellationToken);
        var built = new TenantIndex(
            version,
            Bm25Index.Build(chunks.Select(c => (c.Id.ToString(), (IReadOnlyList<string>)c.Terms.Split(' ', StringSplitOptions.RemoveEmptyEntries)))),
            chunks.ToDictionary(c => c.Id.ToString(), StringComparer.Ordinal),
            [.. chunks.Where(c => c.Embedding is { Length: > 0 }).Select(c => (c.Id.ToString(), c.Embedding!))]);
        _indexes[tenantId] = built;
        return built;
    }

    private sealed record TenantIndex(long Version, Bm25Index Bm25, Dictionary<string, StoredChunk> Chunks, IReadOnlyList<(string ChunkId, float[] Vector)> Vectors);
}
