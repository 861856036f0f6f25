namespace Concierge.Models;

/// <summary>
/// A language model behind one provider. Implementations never throw for provider failures
/// (timeouts, HTTP errors, malformed answers, an open circuit): they return a result without a
/// response and with the call log saying what went wrong, so a turn can fall back to the offline
/// interpreter. Only cancellation by the caller propagates.
/// </summary>
public interface ILanguageModel
{
    /// <summary>Provider name for logs and health ("openai-compatible").</summary>
    string Provider { get; }

    /// <summary>The configured model name ("gpt-4o-mini").</summary>
    string Model { get; }

    Task<ModelResult> CompleteAsync(ModelRequest request, CancellationToken cancellationToken);
}
