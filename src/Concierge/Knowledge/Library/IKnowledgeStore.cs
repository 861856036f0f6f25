using Concierge.Knowledge.Answers;

namespace Concierge.Knowledge.Library;

/// <summary>
/// The knowledge tables. Every method names the tenant: another tenant's document is "not found".
/// Every change to what search sees (a document indexed, reindexed or deleted) bumps the tenant's
/// version, so each server instance knows when its cached index is stale.
/// </summary>
public interface IKnowledgeStore
{
    /// <summary>Stores the document with status <c>indexing</c>; null when the tenant already has one with that content hash.</summary>
    Task<KnowledgeDocument?> AddAsync(NewDocument document, CancellationToken cancellationToken);

    Task<KnowledgeDocument?> FindByHashAsync(Guid tenantId, string contentHash, CancellationToken cancellationToken);

    Task<KnowledgeDocument?> FindAsync(Guid tenantId, Guid documentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<KnowledgeDocument>> ListAsync(Guid tenantId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredChunk>> ChunksAsync(Guid tenantId, Guid documentId, CancellationToken cancellationToken);

    /// <summary>The uploaded bytes and file name, for indexing; null when the document is gone.</summary>
    Task<(string FileName, byte[] Content)?> ContentAsync(Guid tenantId, Guid documentId, CancellationToken cancellationToken);

    /// <summary>Replaces the document's chunks and marks it ready; false when the document is gone.</summary>
    Task<bool> SaveIndexAsync(Guid tenantId, Guid documentId, IndexedText indexed, CancellationToken cancellationToken);

    Task<bool> SetStatusAsync(Guid tenantId, Guid documentId, string status, string? failureReason, CancellationToken cancellationToken);

    /// <summary>Deletes the document and its chunks; false when there was none.</summary>
    Task<bool> DeleteAsync(Guid tenantId, Guid documentId, CancellationToken cancellationToken);

    /// <summary>The tenant's index version: changes whenever the searchable chunks change.</summary>
    Task<long> VersionAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>Every chunk of the tenant's ready documents, with their titles, in document order.</summary>
    Task<IReadOnlyList<StoredChunk>> SearchableChunksAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>Stores chunk embeddings (chunks that are gone are skipped) and moves the version.</summary>
    Task SaveEmbeddingsAsync(Guid tenantId, IReadOnlyList<(Guid ChunkId, float[] Vector)> vectors, CancellationToken cancellationToken);

    Task<CuratedAnswer> AddAnswerAsync(Guid tenantId, string question, string answer, CancellationToken cancellationToken);

    Task<IReadOnlyList<CuratedAnswer>> AnswersAsync(Guid tenantId, CancellationToken cancellationToken);

    Task CountHitAsync(Guid tenantId, string answerId, CancellationToken cancellationToken);
}
