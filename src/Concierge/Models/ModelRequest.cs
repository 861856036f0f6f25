namespace Concierge.Models;

/// <summary>One chat completion request, provider-neutral.</summary>
/// <param name="Messages">The prompt: system instructions first, then the conversation.</param>
/// <param name="Temperature">Overrides the configured temperature when set (agents carry their own).</param>
/// <param name="ResponseSchema">When set, the model must answer JSON matching this schema (structured output).</param>
/// <param name="MaxOutputTokens">Upper bound on the answer's length.</param>
/// <param name="Tools">Tools the model may call; the model runs the tool loop until it answers in text.</param>
/// <param name="ToolLimits">Bounds of that loop; null means <see cref="ToolLoopLimits.Default"/>.</param>
public sealed record ModelRequest(
    IReadOnlyList<ModelMessage> Messages,
    double? Temperature = null,
    ResponseSchema? ResponseSchema = null,
    int? MaxOutputTokens = null,
    IReadOnlyList<ModelTool>? Tools = null,
    ToolLoopLimits? ToolLimits = null)
{
    public bool HasTools => Tools is { Count: > 0 };
}
