namespace Concierge.Knowledge.Library;

/// <summary>
/// One chunk as stored, with what search needs of its document (title, language, agent) so the
/// index can be built from one query. <see cref="Terms"/> are the analysed terms, space-separated;
/// <see cref="Embedding"/> is null until the embeddings job has computed it.
/// </summary>
public sealed record StoredChunk(
    Guid Id,
    Guid DocumentId,
    int Ordinal,
    string HeadingPath,
    string Text,
    string Terms,
    string Title = "",
    string? Language = null,
    string? AgentKey = null,
    float[]? Embedding = null);
