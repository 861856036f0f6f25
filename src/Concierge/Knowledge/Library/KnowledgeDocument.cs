namespace Concierge.Knowledge.Library;

/// <summary>
/// A document a tenant uploaded, as stored. <see cref="Type"/> and <see cref="Language"/> are null
/// while a large file waits for its indexing job: the intake has not read it yet.
/// </summary>
public sealed record KnowledgeDocument(
    Guid Id,
    Guid TenantId,
    string? AgentKey,
    string Title,
    string FileName,
    string? Type,
    long Bytes,
    string ContentHash,
    string? Language,
    string Status,
    string? FailureReason,
    int ChunkCount,
    DateTimeOffset CreatedAt);
