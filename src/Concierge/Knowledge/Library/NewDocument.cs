namespace Concierge.Knowledge.Library;

/// <summary>
/// An upload to store: its bytes are kept so that a job (or a reindex) can read them again.
/// <see cref="Title"/> is the operator's title; null lets the intake's title (or the file name) show.
/// </summary>
public sealed record NewDocument(
    Guid TenantId,
    string? AgentKey,
    string? Title,
    string FileName,
    string ContentHash,
    ReadOnlyMemory<byte> Content);
