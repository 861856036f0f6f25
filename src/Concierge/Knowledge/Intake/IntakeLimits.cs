namespace Concierge.Knowledge.Intake;

/// <summary>
/// Bounds on one upload. The byte limit alone does not bound the work: a small PDF can hold
/// thousands of pages or compressed streams that expand enormously, so pages and extracted
/// characters are capped too, and extraction stops (marking the text truncated) when either is reached.
/// </summary>
public sealed record IntakeLimits
{
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;

    public int MaxPdfPages { get; init; } = 300;

    public int MaxChars { get; init; } = 1_000_000;
}
