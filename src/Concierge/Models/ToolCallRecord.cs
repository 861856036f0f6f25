namespace Concierge.Models;

/// <summary>One tool execution of a request, for the turn to store and the debug view to show.</summary>
/// <param name="CallId">The model's tool_call_id.</param>
/// <param name="ArgumentsJson">The arguments as the model sent them.</param>
/// <param name="Result">The text sent back to the model (on failure, the error text it was shown).</param>
/// <param name="Error">What went wrong (handler exception, bad arguments, unknown tool, limit); null when ok.</param>
public sealed record ToolCallRecord(
    string CallId,
    string Name,
    string ArgumentsJson,
    string Result,
    string? Error,
    long LatencyMs,
    DateTimeOffset StartedAt)
{
    public bool Succeeded => Error is null;
}
