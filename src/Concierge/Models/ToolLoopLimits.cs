namespace Concierge.Models;

/// <summary>
/// Bounds of one request's tool loop. When either is reached the model is asked once more with
/// tool use switched off (tool_choice "none"), so the user still gets an answer from what the
/// tools returned so far.
/// </summary>
public sealed record ToolLoopLimits
{
    public static ToolLoopLimits Default { get; } = new();

    /// <summary>Tool executions allowed per request, over all rounds.</summary>
    public int MaxCalls { get; init; } = 5;

    /// <summary>Wall time the loop may spend (model rounds and tools) before the final tool-less call.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromSeconds(20);
}
