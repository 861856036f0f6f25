namespace Concierge.Models;

/// <summary>
/// A language model behind one provider. Implementations never throw for provider failures
/// (timeouts, HTTP errors, malformed answers, an open circuit): they return a result without a
/// response and with the call log saying what went wrong, so a turn can fall back to the offline
/// interpreter. Only cancellation by the caller propagates.
/// </summary>
public interface ILanguageModel
{
    /// <summary>Provider name for logs and health ("openai-compatible", "anthropic", "gemini").</summary>
    string Provider { get; }

    /// <summary>The configured model name ("gpt-4o-mini").</summary>
    string Model { get; }

    /// <summary>Asks the model; with tools in the request, runs the tool loop until a text answer.</summary>
    Task<ModelResult> CompleteAsync(ModelRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Streams the answer: text deltas as they arrive, then exactly one <see cref="ModelStreamCompleted"/>.
    /// Same contract as <see cref="CompleteAsync"/>: provider failures end in a completed update
    /// without a response, only caller cancellation throws. The default (for test doubles and
    /// providers without streaming) completes first and sends the whole text as one delta.
    /// </summary>
    async IAsyncEnumerable<ModelStreamUpdate> StreamAsync(
        ModelRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var result = await CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Response is { Text.Length: > 0 } response)
        {
            yield return new ModelTextDelta(response.Text);
        }

        yield return new ModelStreamCompleted(result);
    }
}
