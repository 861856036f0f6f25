using System.ClientModel;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OpenAI.Chat;

namespace Concierge.Models;

/// <summary>
/// Single HTTP attempts against the chat completions API, each turned into one redacted log row
/// and an <see cref="AttemptOutcome"/>; only caller cancellation throws. Shared by the plain
/// call, the tool loop's rounds and the opening of a stream.
/// </summary>
internal sealed class OpenAiAttempts(
    LanguageModelOptions options, ChatClient chat, SecretRedactor redactor, TimeProvider timeProvider, ILogger logger)
{
    public LanguageModelOptions Options => options;

    public ChatClient Chat => chat;

    public SecretRedactor Redactor => redactor;

    public TimeProvider Time => timeProvider;

    public string ProviderName { get; } = options.Provider.LogName();

    public async Task<AttemptOutcome> CompleteAsync(ModelRequest request, bool toolsDisabled, List<ModelCallLog> calls, CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        var capture = WireCapturePolicy.Begin();

        // Our own per-attempt deadline on the injected clock, in addition to the SDK's network
        // timeout: whichever fires first, the attempt ends as "timeout".
        using var deadline = new CancellationTokenSource(options.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);

        AttemptOutcome outcome;
        try
        {
            var messages = OpenAiWire.ToChatMessages(request);
            var result = await chat.CompleteChatAsync(messages, OpenAiWire.ToChatOptions(request, options, toolsDisabled), linked.Token).ConfigureAwait(false);
            outcome = FromCompletion(result.Value, capture, startedAt, started, request);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (TransportFailure(ex, capture, startedAt, started, request) is { } failure)
        {
            outcome = failure;
        }
        catch (Exception ex) when (capture.Status is >= 200 and < 300)
        {
            // A 2xx the SDK could not read. Some compatible servers differ in small ways (an
            // unknown finish_reason) that the SDK rejects, so try the plain wire format first.
            outcome = FromRawBody(capture, startedAt, started, request)
                ?? Failure(capture, startedAt, started, request, ModelCallOutcome.Malformed, isTransient: false,
                    $"The provider's answer is not a valid chat completion ({ex.GetType().Name}: {ex.Message}).");
        }

        Record(calls, outcome.Log);
        return outcome;
    }

    /// <summary>Timeouts, HTTP errors and network errors as failures; null for anything else.</summary>
    public AttemptOutcome? TransportFailure(Exception exception, WireCapture capture, DateTimeOffset startedAt, long started, ModelRequest request)
    {
        switch (exception)
        {
            case OperationCanceledException:
                return Failure(capture, startedAt, started, request, ModelCallOutcome.Timeout, isTransient: true,
                    $"No answer within the request timeout of {options.RequestTimeout.TotalSeconds:0.###} s.");
            case ClientResultException { Status: not 0 } http:
                // 429 and 5xx are the provider's temporary trouble; 400/401/403/404 will not get better by asking again.
                var transient = http.Status == 429 || http.Status == 408 || http.Status >= 500;
                return Failure(capture, startedAt, started, request, ModelCallOutcome.Http(http.Status), transient,
                    $"HTTP {http.Status} from the provider: {OpenAiWire.ProviderErrorMessage(capture.ResponseBody) ?? OpenAiWire.FirstLine(http.Message)}");
            case ClientResultException or HttpRequestException or IOException:
                // Status 0: the transport failed (connection refused, reset, DNS) before any answer.
                return Failure(capture, startedAt, started, request, ModelCallOutcome.NetworkError, isTransient: true, $"Network error: {exception.Message}");
            default:
                return null;
        }
    }

    private AttemptOutcome FromCompletion(ChatCompletion completion, WireCapture capture, DateTimeOffset startedAt, long started, ModelRequest request)
    {
        var text = string.Concat(completion.Content.Where(part => part.Kind == ChatMessageContentPartKind.Text).Select(part => part.Text));
        var toolCalls = completion.ToolCalls
            .Select(call => new ModelToolCall(call.Id, call.FunctionName, call.FunctionArguments?.ToString() ?? "{}"))
            .ToList();
        if (string.IsNullOrEmpty(text) && toolCalls.Count == 0)
        {
            return Failure(capture, startedAt, started, request, ModelCallOutcome.Malformed, isTransient: false,
                $"The provider's answer has no message content (finish reason {completion.FinishReason}).");
        }

        var outcome = Success(capture, startedAt, started, request, text, completion.Usage?.InputTokenCount, completion.Usage?.OutputTokenCount,
            OpenAiWire.FinishReasonToWire(completion.FinishReason), completion.Model);
        return toolCalls.Count == 0 ? outcome : outcome with { ToolCalls = toolCalls };
    }

    /// <summary>Reads choices[0].message.content and usage from the raw body, or null when they are not there.</summary>
    private AttemptOutcome? FromRawBody(WireCapture capture, DateTimeOffset startedAt, long started, ModelRequest request)
    {
        if (OpenAiWire.TryParseJson(capture.ResponseBody) is not JsonObject body
            || body["choices"] is not JsonArray { Count: > 0 } choices
            || OpenAiWire.ReadString(choices[0]?["message"]?["content"]) is not { Length: > 0 } content)
        {
            return null;
        }

        return Success(capture, startedAt, started, request, content,
            OpenAiWire.ReadInt(body["usage"]?["prompt_tokens"]), OpenAiWire.ReadInt(body["usage"]?["completion_tokens"]),
            OpenAiWire.ReadString(choices[0]?["finish_reason"]), OpenAiWire.ReadString(body["model"]));
    }

    public AttemptOutcome Success(
        WireCapture capture, DateTimeOffset startedAt, long started, ModelRequest request,
        string text, int? inputTokens, int? outputTokens, string? finishReason, string? reportedModel, JsonNode? responsePayload = null)
    {
        var log = NewLog(capture, startedAt, started, request, responsePayload) with
        {
            InputTokens = inputTokens,
            OutputTokens = outputTokens,
            Cost = CostOf(inputTokens, outputTokens, reportedModel),
            Outcome = ModelCallOutcome.Ok,
        };
        var response = new ModelResponse(text, inputTokens ?? 0, outputTokens ?? 0, finishReason);
        return new AttemptOutcome(log, response, IsTransient: false, RetryAfter: null);
    }

    /// <summary>
    /// Prices are keyed by the configured name; providers often report a dated variant
    /// ("gpt-4o-mini-2024-07-18"), which is tried second.
    /// </summary>
    public decimal? CostOf(int? inputTokens, int? outputTokens, string? reportedModel) =>
        inputTokens is { } input && outputTokens is { } output
            ? options.CostOf(options.Model, input, output) ?? (reportedModel is null ? null : options.CostOf(reportedModel, input, output))
            : null;

    public AttemptOutcome Failure(
        WireCapture capture, DateTimeOffset startedAt, long started, ModelRequest request, string outcome, bool isTransient, string error,
        JsonNode? responsePayload = null)
    {
        var log = NewLog(capture, startedAt, started, request, responsePayload) with { Outcome = outcome, Error = redactor.Redact(error) };
        var retryAfter = RetryAfterHeader.Parse(capture.RetryAfter, capture.RetryAfterMs, timeProvider.GetUtcNow());
        return new AttemptOutcome(log, null, isTransient, retryAfter);
    }

    private ModelCallLog NewLog(WireCapture capture, DateTimeOffset startedAt, long started, ModelRequest request, JsonNode? responsePayload) => new()
    {
        Id = Guid.NewGuid(),
        StartedAt = startedAt,
        Provider = ProviderName,
        Model = options.Model,
        RequestPayload = redactor.Redact(OpenAiWire.TryParseJson(capture.RequestBody) ?? OpenAiWire.IntendedPayload(request, options))!,
        ResponsePayload = redactor.Redact(responsePayload ?? OpenAiWire.ResponseNode(capture.ResponseBody)),
        LatencyMs = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds,
        Outcome = ModelCallOutcome.Ok,
    };

    /// <summary>Keeps the row, writes its log line and counts it in the metrics.</summary>
    public void Record(List<ModelCallLog> calls, ModelCallLog log)
    {
        calls.Add(log);
        ModelTelemetry.RecordCall(log);
        if (log.Outcome == ModelCallOutcome.Ok)
        {
            logger.LogInformation(
                "Model call ok in {LatencyMs} ms: {InputTokens} in, {OutputTokens} out, cost {Cost}",
                log.LatencyMs, log.InputTokens, log.OutputTokens, log.Cost);
        }
        else
        {
            // Error is already redacted; it never holds the key or an Authorization header.
            logger.LogWarning("Model call failed with {Outcome} after {LatencyMs} ms: {Error}", log.Outcome, log.LatencyMs, log.Error);
        }
    }

    public void LogWarning(string message) => logger.LogWarning("{Message}", message);
}
