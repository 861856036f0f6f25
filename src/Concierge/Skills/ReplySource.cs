namespace Concierge.Skills;

/// <summary>A document passage a reply quotes or cites; routes show these as <c>sources</c>, as plain text.</summary>
public sealed record ReplySource(string DocumentId, string Title, string ChunkId, string Snippet);
