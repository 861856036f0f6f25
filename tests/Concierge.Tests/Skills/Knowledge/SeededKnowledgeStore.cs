using System.Text;
using Concierge.Knowledge.Answers;
using Concierge.Knowledge.Library;
using Concierge.Tests.Knowledge;

namespace Concierge.Tests.Skills.Knowledge;

/// <summary>
/// The knowledge tables as the skill reads them during a turn, in memory: documents indexed once
/// through the real intake and chunker, searched by the real <see cref="KnowledgeSearch"/>. Only the
/// reads a turn makes are here; uploads and deletes are the server tests' (real SQLite/PostgreSQL).
/// </summary>
internal sealed class SeededKnowledgeStore : IKnowledgeStore
{
    private readonly List<KnowledgeDocument> _documents = [];
    private readonly List<StoredChunk> _chunks = [];

    public SeededKnowledgeStore(Guid tenantId, params (string FileName, string Text)[] files)
    {
        foreach (var (fileName, text) in files)
        {
            var content = Encoding.UTF8.GetBytes(text);
            var indexed = DocumentIndexing.Index(KnowledgeCorpus.Accept(fileName, content));
            var id = Guid.CreateVersion7();
            _documents.Add(new KnowledgeDocument(
                id, tenantId, null, indexed.Title, fileName, indexed.Type, content.Length, fileName, indexed.Language,
                KnowledgeStatus.Ready, null, indexed.Chunks.Count, DateTimeOffset.UnixEpoch));
            _chunks.AddRange(indexed.Chunks.Select(c => c with { Id = Guid.CreateVersion7(), DocumentId = id }));
        }
    }

    public Task<long> VersionAsync(Guid tenantId, CancellationToken cancellationToken) => Task.FromResult(1L);

    public Task<IReadOnlyList<StoredChunk>> SearchableChunksAsync(Guid tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredChunk>>(_chunks);

    public Task<IReadOnlyList<KnowledgeDocument>> ListAsync(Guid tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KnowledgeDocument>>(_documents);

    public Task<IReadOnlyList<CuratedAnswer>> AnswersAsync(Guid tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CuratedAnswer>>([]);

    public Task CountHitAsync(Guid tenantId, string answerId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<KnowledgeDocument?> AddAsync(NewDocument document, CancellationToken cancellationToken) => throw Unused();

    public Task<KnowledgeDocument?> FindByHashAsync(Guid tenantId, string contentHash, CancellationToken cancellationToken) => throw Unused();

    public Task<KnowledgeDocument?> FindAsync(Guid tenantId, Guid documentId, CancellationToken cancellationToken) => throw Unused();

    public Task<IReadOnlyList<StoredChunk>> ChunksAsync(Guid tenantId, Guid documentId, CancellationToken cancellationToken) => throw Unused();

    public Task<(string FileName, byte[] Content)?> ContentAsync(Guid tenantId, Guid documentId, CancellationToken cancellationToken) => throw Unused();

    public Task<bool> SaveIndexAsync(Guid tenantId, Guid documentId, IndexedText indexed, CancellationToken cancellationToken) => throw Unused();

    public Task<bool> SetStatusAsync(Guid tenantId, Guid documentId, string status, string? failureReason, CancellationToken cancellationToken) => throw Unused();

    public Task<bool> DeleteAsync(Guid tenantId, Guid documentId, CancellationToken cancellationToken) => throw Unused();

    public Task SaveEmbeddingsAsync(Guid tenantId, IReadOnlyList<(Guid ChunkId, float[] Vector)> vectors, CancellationToken cancellationToken) => throw Unused();

    public Task<CuratedAnswer> AddAnswerAsync(Guid tenantId, string question, string answer, CancellationToken cancellationToken) => throw Unused();

    private static NotSupportedException Unused() => new("A turn does not change the knowledge tables.");
}
