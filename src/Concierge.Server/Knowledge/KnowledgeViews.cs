using Concierge.Knowledge.Library;

namespace Concierge.Server.Knowledge;

// The JSON shapes of the knowledge API (snake_case on the wire). Titles, snippets and texts are
// plain text extracted from the documents; JSON escapes them, and no route returns them as HTML.

public sealed record DocumentView(
    Guid Id,
    string Title,
    string? Type,
    long Bytes,
    int Chunks,
    string Status,
    string FileName,
    string? Language,
    string? Agent,
    string? FailureReason,
    DateTimeOffset CreatedAt)
{
    public static DocumentView From(KnowledgeDocument d) =>
        new(d.Id, d.Title, d.Type, d.Bytes, d.ChunkCount, d.Status, d.FileName, d.Language, d.AgentKey, d.FailureReason, d.CreatedAt);
}

public sealed record DocumentList(IReadOnlyList<DocumentView> Documents);

public sealed record ChunkView(Guid Id, int Ordinal, string HeadingPath, string Text);

public sealed record DocumentDetail(DocumentView Document, IReadOnlyList<ChunkView> Chunks);

public sealed record CuratedAnswerRequest(string? Question, string? Answer);

public sealed record CuratedAnswerView(string Id, string Question, string Answer);

public sealed record SearchHit(string DocumentId, string Title, string ChunkId, string HeadingPath, string Snippet, double Score);

public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Results);
