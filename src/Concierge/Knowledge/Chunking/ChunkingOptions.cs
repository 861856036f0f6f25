namespace Concierge.Knowledge.Chunking;

/// <summary>
/// Chunk sizes in characters. About 800 characters is a few paragraphs: long enough to hold an
/// answer with its context, short enough that one chunk is about one thing. The overlap repeats the
/// end of a chunk at the start of the next so a sentence cut by a boundary is whole in one of them.
/// </summary>
public sealed record ChunkingOptions
{
    public int TargetChars { get; init; } = 800;

    public int MaxChars { get; init; } = 1200;

    public int OverlapChars { get; init; } = 150;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(TargetChars, 50, nameof(TargetChars));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxChars, TargetChars, nameof(MaxChars));
        ArgumentOutOfRangeException.ThrowIfNegative(OverlapChars, nameof(OverlapChars));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(OverlapChars, TargetChars / 2, nameof(OverlapChars));
    }
}
