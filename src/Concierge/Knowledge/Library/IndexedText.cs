namespace Concierge.Knowledge.Library;

/// <summary>What the intake and the chunker made of a document: its type, title, language and chunks (ids not yet given).</summary>
public sealed record IndexedText(string Type, string Title, string Language, IReadOnlyList<StoredChunk> Chunks);
