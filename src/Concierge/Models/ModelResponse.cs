namespace Concierge.Models;

/// <summary>The model's answer with the provider's usage report (summed over a tool loop's rounds).</summary>
public sealed record ModelResponse(string Text, int InputTokens, int OutputTokens, string? FinishReason = null);
