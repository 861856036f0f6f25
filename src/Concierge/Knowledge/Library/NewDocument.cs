namespace Concierge.Knowledge.Library;

/// <summary>An upload to store: its bytes are kept so that a job (or a reindex) can read them again.</summary>
public sealed record NewDocument(
    Guid TenantId,
    string? AgentKey,
    string Title,
    string FileName,
    string ContentHash,
    ReadOnlyMemory<byte> Content);
