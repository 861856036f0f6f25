using System.Text;
using System.Text.Json.Nodes;
using OpenAI.Chat;

namespace Concierge.Models;

/// <summary>
/// One streamed chat completion. Opening it is a retryable attempt that ends at the first text
/// (nothing has reached the user yet, so a 429 or a stall can still be retried); after that the
/// stream is read here, outside the retry pipeline, and any failure ends it with the text so far.
/// The request timeout applies between chunks: a stream that stalls longer is a timeout.
/// </summary>
internal sealed class OpenAiStream : IAsyncDisposable
{
    private readonly OpenAiAttempts _attempts;
    private readonly ModelRequest _request;
    private readonly WireCapture _capture;
    private readonly DateTimeOffset _startedAt;
    private readonly long _started;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _stall;
    private readonly CancellationTokenSource _linked;
    private readonly IAsyncEnumerator<StreamingChatCompletionUpdate> _updates;
    private readonly StringBuilder _text = new();
    private int? _inputTokens;
    private int? _outputTokens;
    private string? _finishReason;
    private string? _model;
    private string? _id;
    private int _chunks;

    private OpenAiStream(OpenAiAttempts attempts, ModelRequest request, CancellationToken caller)
    {
        _attempts = attempts;
        _request = request;
        _caller = caller;
        _startedAt = attempts.Time.GetUtcNow();
        _started = attempts.Time.GetTimestamp();
        _capture = WireCapturePolicy.Begin();
        _stall = new CancellationTokenSource(attempts.Options.RequestTimeout, attempts.Time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _stall.Token);
        var options = OpenAiWire.ToChatOptions(request, attempts.Options, toolsDisabled: false);
        _updates = attempts.Chat.CompleteChatStreamingAsync(OpenAiWire.ToChatMessages(request), options, _linked.Token).GetAsyncEnumerator(_linked.Token);
    }

    /// <summary>The text that came with the first chunks, handed out before reading on.</summary>
    public string FirstText { get; private set; } = string.Empty;

    /// <summary>One retryable attempt: reads up to the first text, or fails with a log row.</summary>
    public static async Task<AttemptOutcome> OpenAsync(OpenAiAttempts attempts, ModelRequest request, List<ModelCallLog> calls, CancellationToken caller)
    {
        var stream = new OpenAiStream(attempts, request, caller);
        AttemptOutcome outcome;
        try
        {
            while (true)
            {
                if (!await stream.MoveAsync().ConfigureAwait(false))
                {
                    outcome = stream.Failed(ModelCallOutcome.Malformed, transient: false, "The stream ended without any text.");
                    break;
                }

                if (stream._text.Length > 0)
                {
                    stream.FirstText = stream._text.ToString();

                    // Not a log row yet: the row is written when the stream ends, with the full text.
                    return new AttemptOutcome(stream.ProvisionalRow(), null, IsTransient: false, RetryAfter: null) { Stream = stream };
                }
            }
        }
        catch (OperationCanceledException) when (caller.IsCancellationRequested)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (attempts.TransportFailure(ex, stream._capture, stream._startedAt, stream._started, request) is { } failure)
        {
            outcome = failure;
        }
        catch (Exception ex)
        {
            outcome = stream.Failed(ModelCallOutcome.Malformed, transient: false, $"The stream is not valid ({ex.GetType().Name}: {ex.Message}).");
        }

        await stream.DisposeAsync().ConfigureAwait(false);
        attempts.Record(calls, outcome.Log);
        return outcome;
    }

    /// <summary>The next piece of text, or the final result once the stream ended or failed.</summary>
    public async Task<(string? Delta, ModelResult? Final)> NextAsync(List<ModelCallLog> calls)
    {
        var before = _text.Length;
        string? problem;
        string outcome = ModelCallOutcome.StreamInterrupted;
        try
        {
            if (await MoveAsync().ConfigureAwait(false))
            {
                return (_text.ToString(before, _text.Length - before), null);
            }

            if (_finishReason is not null)
            {
                var success = _attempts.Success(_capture, _startedAt, _started, _request, _text.ToString(), _inputTokens, _outputTokens, _finishReason, _model, Payload());
                _attempts.Record(calls, success.Log);
                return (null, new ModelResult(success.Response, calls));
            }

            problem = $"The stream ended after {_chunks} chunks without the provider's finish.";
        }
        catch (OperationCanceledException) when (_caller.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = ModelCallOutcome.Timeout;
            problem = $"The stream stalled: no chunk within the request timeout of {_attempts.Options.RequestTimeout.TotalSeconds:0.###} s after {_chunks} chunks.";
        }
        catch (Exception ex)
        {
            problem = $"The stream broke off after {_chunks} chunks ({ex.GetType().Name}: {ex.Message}).";
        }

        var failed = Failed(outcome, transient: false, problem);
        _attempts.Record(calls, failed.Log);
        return (null, new ModelResult(null, calls) { PartialText = _text.Length > 0 ? _text.ToString() : null });
    }

    private async Task<bool> MoveAsync()
    {
        _stall.CancelAfter(_attempts.Options.RequestTimeout);
        if (!await _updates.MoveNextAsync().ConfigureAwait(false))
        {
            return false;
        }

        var update = _updates.Current;
        _chunks++;
        _id ??= update.CompletionId;
        _model ??= update.Model;
        foreach (var part in update.ContentUpdate)
        {
            _text.Append(part.Text);
        }

        if (update.FinishReason is { } reason)
        {
            _finishReason = OpenAiWire.FinishReasonToWire(reason);
        }

        if (update.Usage is { } usage)
        {
            _inputTokens = usage.InputTokenCount;
            _outputTokens = usage.OutputTokenCount;
        }

        return true;
    }

    private AttemptOutcome Failed(string outcome, bool transient, string error) =>
        _attempts.Failure(_capture, _startedAt, _started, _request, outcome, transient, error, _chunks > 0 ? Payload() : null);

    private ModelCallLog ProvisionalRow() =>
        _attempts.Failure(_capture, _startedAt, _started, _request, ModelCallOutcome.Ok, false, string.Empty).Log with { Error = null };

    /// <summary>The streamed answer folded into the shape of a chat completion, for the call log.</summary>
    private JsonObject Payload() => new()
    {
        ["id"] = _id,
        ["object"] = "chat.completion",
        ["model"] = _model,
        ["stream"] = true,
        ["chunks"] = _chunks,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = _text.ToString() },
            ["finish_reason"] = _finishReason,
        }),
        ["usage"] = _inputTokens is null && _outputTokens is null
            ? null
            : new JsonObject { ["prompt_tokens"] = _inputTokens, ["completion_tokens"] = _outputTokens },
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _updates.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing a broken connection can fail again; the outcome is already known.
        }

        _linked.Dispose();
        _stall.Dispose();
    }
}
