namespace Concierge.Models;

/// <summary>
/// What came of asking the model: the answer if there is one, and a log row for every attempt
/// (a retried call leaves one row per HTTP request; an open circuit leaves one row and no request;
/// a tool loop leaves one row per model round).
/// </summary>
public sealed record ModelResult(ModelResponse? Response, IReadOnlyList<ModelCallLog> Calls)
{
    public bool Succeeded => Response is not null;

    /// <summary>The last attempt's outcome and error, for the fallback's log line.</summary>
    public string FailureReason => Calls.Count == 0 ? "no call was made" : $"{Calls[^1].Outcome}: {Calls[^1].Error}";

    /// <summary>The tools the model ran during this request, in order.</summary>
    public IReadOnlyList<ToolCallRecord> ToolCalls { get; init; } = [];

    /// <summary>
    /// Text a stream delivered before it broke off (Response is then null): the caller decides
    /// whether to keep it. Null when nothing was delivered or the call succeeded.
    /// </summary>
    public string? PartialText { get; init; }
}
