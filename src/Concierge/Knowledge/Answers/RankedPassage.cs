namespace Concierge.Knowledge.Answers;

/// <summary>A retrieved chunk, in rank order, with what is needed to quote and cite it.</summary>
/// <param name="Score">The retrieval score (BM25 or fused); only its order matters here.</param>
/// <param name="Language">The document's language, to analyse its sentences; guessed from the text when null.</param>
public sealed record RankedPassage(
    string DocumentId,
    string Title,
    string ChunkId,
    string Text,
    double Score,
    string HeadingPath = "",
    string? Language = null);
