namespace Concierge.Models;

/// <summary>
/// What came of asking the model: the answer if there is one, and a log row for every attempt
/// (a retried call leaves one row per HTTP request; an open circuit leaves one row and no request).
/// </summary>
public sealed record ModelResult(ModelResponse? Response, IReadOnlyList<ModelCallLog> Calls)
{
    public bool Succeeded => Response is not null;

    /// <summary>The last attempt's outcome and error, for the fallback's log line.</summary>
    public string FailureReason => Calls.Count == 0 ? "no call was made" : $"{Calls[^1].Outcome}: {Calls[^1].Error}";
}

/// <summary>The model's answer with the provider's usage report.</summary>
public sealed record ModelResponse(string Text, int InputTokens, int OutputTokens, string? FinishReason = null);
