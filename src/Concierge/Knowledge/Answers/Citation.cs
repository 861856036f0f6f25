namespace Concierge.Knowledge.Answers;

/// <summary>A numbered source of an answer: which document and chunk, and the quoted words as plain text.</summary>
/// <param name="Snippet">At most <see cref="MaxSnippetChars"/> characters.</param>
public sealed record Citation(int Number, string DocumentId, string Title, string ChunkId, string Snippet)
{
    public const int MaxSnippetChars = 200;
}
