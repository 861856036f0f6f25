using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concierge.Conversations;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;
using Polly;
using Polly.CircuitBreaker;

namespace Concierge.Models;

/// <summary>
/// A language model behind any OpenAI-compatible chat completions API (OpenAI, Azure OpenAI,
/// Ollama, vLLM, Groq, OpenRouter, ...), on the official OpenAI SDK. The SDK's own retries are
/// off: retries, timeouts and the circuit breaker are ours (Polly), so that every HTTP attempt
/// leaves exactly one log row and failures turn into results, not exceptions.
/// Register it as a singleton: the circuit breaker's memory lives in the instance.
/// </summary>
public sealed class OpenAiCompatibleModel : ILanguageModel
{
    public const string ProviderName = "openai-compatible";

    /// <summary>Non-JSON bodies are stored as a string of at most this many characters.</summary>
    private const int MaxRawBodyChars = 4096;

    private readonly LanguageModelOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ChatClient _chat;
    private readonly ResiliencePipeline<AttemptOutcome> _pipeline;
    private readonly SecretRedactor _redactor;

    public OpenAiCompatibleModel(LanguageModelOptions options, HttpClient httpClient, TimeProvider timeProvider, ILogger<OpenAiCompatibleModel> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        var problems = options.Validate().ToList();
        if (!options.IsConfigured)
        {
            problems.Insert(0, $"{LanguageModelOptions.SettingNames.ApiKey} is not set");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("The language model is misconfigured: " + string.Join("; ", problems), nameof(options));
        }

        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _redactor = new SecretRedactor([options.ApiKey]);

        var clientOptions = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.RequestTimeout,
        };
        if (options.BaseUrl is not null)
        {
            clientOptions.Endpoint = options.BaseUrl;
        }

        clientOptions.AddPolicy(new WireCapturePolicy(), PipelinePosition.PerTry);
        _chat = new ChatClient(options.Model, new ApiKeyCredential(options.ApiKey!), clientOptions);
        _pipeline = ModelResilience.Build(options, timeProvider, logger);
    }

    public string Provider => ProviderName;

    public string Model => _options.Model;

    public async Task<ModelResult> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Attempts run one after another, so a plain list is safe to share with the callback.
        var calls = new List<ModelCallLog>();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ModelResilience.CallStartedKey, _timeProvider.GetTimestamp());
        try
        {
            var outcome = await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<AttemptOutcome>(state.Model.AttemptAsync(state.Request, state.Calls, ctx.CancellationToken)),
                context,
                (Model: this, Request: request, Calls: calls)).ConfigureAwait(false);
            return new ModelResult(outcome.Response, calls);
        }
        catch (BrokenCircuitException)
        {
            // The breaker refused before any request was made: say so in one row and let the turn
            // fall back at once instead of waiting for a provider that is known to be down.
            var log = new ModelCallLog
            {
                Id = Guid.NewGuid(),
                StartedAt = _timeProvider.GetUtcNow(),
                Provider = ProviderName,
                Model = _options.Model,
                RequestPayload = _redactor.Redact(IntendedPayload(request))!,
                LatencyMs = 0,
                Outcome = ModelCallOutcome.CircuitOpen,
                Error = "The circuit breaker is open after repeated provider failures; no request was sent.",
            };
            calls.Add(log);
            _logger.LogWarning("Model call skipped: circuit open");
            return new ModelResult(null, calls);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One HTTP attempt, turned into a log row and an outcome; only caller cancellation throws.</summary>
    private async Task<AttemptOutcome> AttemptAsync(ModelRequest request, List<ModelCallLog> calls, CancellationToken cancellationToken)
    {
        var startedAt = _timeProvider.GetUtcNow();
        var started = _timeProvider.GetTimestamp();
        var capture = WireCapturePolicy.Begin();

        // Our own per-attempt deadline on the injected clock, in addition to the SDK's network
        // timeout (same length): whichever fires first, the attempt ends as "timeout".
        using var deadline = new CancellationTokenSource(_options.RequestTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);

        AttemptOutcome outcome;
        try
        {
            var result = await _chat.CompleteChatAsync(ToChatMessages(request), ToChatOptions(request), linked.Token).ConfigureAwait(false);
            outcome = FromCompletion(result.Value, capture, startedAt, started, request);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = Failure(
                capture, startedAt, started, request, ModelCallOutcome.Timeout, isTransient: true,
                $"No answer within the request timeout of {_options.RequestTimeout.TotalSeconds:0.###} s.");
        }
        catch (ClientResultException ex) when (ex.Status != 0)
        {
            // 429 and 5xx are the provider's temporary trouble; 400/401/403/404 will not get better by asking again.
            var transient = ex.Status == 429 || ex.Status == 408 || ex.Status >= 500;
            outcome = Failure(
                capture, startedAt, started, request, ModelCallOutcome.Http(ex.Status), transient,
                $"HTTP {ex.Status} from the provider: {ProviderErrorMessage(capture.ResponseBody) ?? FirstLine(ex.Message)}");
        }
        catch (ClientResultException ex)
        {
            // Status 0: the transport failed (connection refused, reset, DNS) before any answer.
            outcome = Failure(capture, startedAt, started, request, ModelCallOutcome.NetworkError, isTransient: true, $"Network error: {ex.Message}");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            outcome = Failure(capture, startedAt, started, request, ModelCallOutcome.NetworkError, isTransient: true, $"Network error: {ex.Message}");
        }
        catch (Exception ex) when (capture.Status is >= 200 and < 300)
        {
            // A 2xx the SDK could not read. Some compatible servers differ in small ways (an
            // unknown finish_reason) that the SDK rejects, so try the plain wire format first.
            outcome = FromRawBody(capture, startedAt, started, request)
                ?? Failure(capture, startedAt, started, request, ModelCallOutcome.Malformed, isTransient: false,
                    $"The provider's answer is not a valid chat completion ({ex.GetType().Name}: {ex.Message}).");
        }

        calls.Add(outcome.Log);
        LogAttempt(outcome.Log);
        return outcome;
    }

    private AttemptOutcome FromCompletion(ChatCompletion completion, WireCapture capture, DateTimeOffset startedAt, long started, ModelRequest request)
    {
        var text = string.Concat(completion.Content.Where(part => part.Kind == ChatMessageContentPartKind.Text).Select(part => part.Text));
        if (string.IsNullOrEmpty(text))
        {
            return Failure(capture, startedAt, started, request, ModelCallOutcome.Malformed, isTransient: false,
                $"The provider's answer has no message content (finish reason {completion.FinishReason}).");
        }

        return Success(capture, startedAt, started, request, text, completion.Usage?.InputTokenCount, completion.Usage?.OutputTokenCount,
            FinishReasonToWire(completion.FinishReason), completion.Model);
    }

    /// <summary>Reads choices[0].message.content and usage from the raw body, or null when they are not there.</summary>
    private AttemptOutcome? FromRawBody(WireCapture capture, DateTimeOffset startedAt, long started, ModelRequest request)
    {
        if (TryParseJson(capture.ResponseBody) is not JsonObject body
            || body["choices"] is not JsonArray { Count: > 0 } choices
            || choices[0]?["message"]?["content"] is not JsonValue content
            || content.GetValueKind() != JsonValueKind.String
            || string.IsNullOrEmpty(content.GetValue<string>()))
        {
            return null;
        }

        return Success(capture, startedAt, started, request, content.GetValue<string>(),
            ReadInt(body["usage"]?["prompt_tokens"]), ReadInt(body["usage"]?["completion_tokens"]),
            choices[0]?["finish_reason"] is JsonValue reason && reason.GetValueKind() == JsonValueKind.String ? reason.GetValue<string>() : null,
            body["model"] is JsonValue model && model.GetValueKind() == JsonValueKind.String ? model.GetValue<string>() : null);
    }

    private AttemptOutcome Success(
        WireCapture capture, DateTimeOffset startedAt, long started, ModelRequest request,
        string text, int? inputTokens, int? outputTokens, string? finishReason, string? reportedModel)
    {
        // Prices are keyed by the configured name; providers often report a dated variant
        // ("gpt-4o-mini-2024-07-18"), which is tried second.
        decimal? cost = inputTokens is { } input && outputTokens is { } output
            ? _options.CostOf(_options.Model, input, output) ?? (reportedModel is null ? null : _options.CostOf(reportedModel, input, output))
            : null;

        var log = NewLog(capture, startedAt, started, request) with
        {
            InputTokens = inputTokens,
            OutputTokens = outputTokens,
            Cost = cost,
            Outcome = ModelCallOutcome.Ok,
        };
        var response = new ModelResponse(text, inputTokens ?? 0, outputTokens ?? 0, finishReason);
        return new AttemptOutcome(log, response, IsTransient: false, RetryAfter: null);
    }

    private AttemptOutcome Failure(
        WireCapture capture, DateTimeOffset startedAt, long started, ModelRequest request, string outcome, bool isTransient, string error)
    {
        var log = NewLog(capture, startedAt, started, request) with { Outcome = outcome, Error = _redactor.Redact(error) };
        var retryAfter = RetryAfterHeader.Parse(capture.RetryAfter, capture.RetryAfterMs, _timeProvider.GetUtcNow());
        return new AttemptOutcome(log, null, isTransient, retryAfter);
    }

    private ModelCallLog NewLog(WireCapture capture, DateTimeOffset startedAt, long started, ModelRequest request) => new()
    {
        Id = Guid.NewGuid(),
        StartedAt = startedAt,
        Provider = ProviderName,
        Model = _options.Model,
        RequestPayload = _redactor.Redact(TryParseJson(capture.RequestBody) ?? IntendedPayload(request))!,
        ResponsePayload = _redactor.Redact(ResponseNode(capture.ResponseBody)),
        LatencyMs = (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds,
        Outcome = ModelCallOutcome.Ok,
    };

    private void LogAttempt(ModelCallLog log)
    {
        if (log.Outcome == ModelCallOutcome.Ok)
        {
            _logger.LogInformation(
                "Model call ok in {LatencyMs} ms: {InputTokens} in, {OutputTokens} out, cost {Cost}",
                log.LatencyMs, log.InputTokens, log.OutputTokens, log.Cost);
        }
        else
        {
            // Error is already redacted; it never holds the key or an Authorization header.
            _logger.LogWarning("Model call failed with {Outcome} after {LatencyMs} ms: {Error}", log.Outcome, log.LatencyMs, log.Error);
        }
    }

    private static IEnumerable<ChatMessage> ToChatMessages(ModelRequest request) => request.Messages.Select(message => message.Role switch
    {
        MessageRole.System => (ChatMessage)new SystemChatMessage(message.Content),
        MessageRole.Assistant => new AssistantChatMessage(message.Content),

        // Tool results arrive without a tool-call id, which the wire format requires for the
        // "tool" role; as user text the model still sees them.
        MessageRole.Tool => new UserChatMessage("Tool result: " + message.Content),
        _ => new UserChatMessage(message.Content),
    }).ToList();

    private ChatCompletionOptions ToChatOptions(ModelRequest request)
    {
        var chatOptions = new ChatCompletionOptions
        {
            Temperature = (float)(request.Temperature ?? _options.Temperature),
            MaxOutputTokenCount = request.MaxOutputTokens,
        };
        if (request.ResponseSchema is { } schema)
        {
            chatOptions.ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                schema.Name,
                BinaryData.FromString(schema.Schema.ToJsonString()),
                jsonSchemaIsStrict: schema.Strict);
        }

        return chatOptions;
    }

    /// <summary>
    /// The body that would have been sent, in the wire format, for rows without a captured body
    /// (an open circuit sends nothing, yet the debug document should show what was asked).
    /// </summary>
    private JsonObject IntendedPayload(ModelRequest request)
    {
        var payload = new JsonObject
        {
            ["model"] = _options.Model,
            ["messages"] = new JsonArray(request.Messages.Select(message => (JsonNode)new JsonObject
            {
                ["role"] = message.Role == MessageRole.Tool ? "user" : message.Role.ToWire(),
                ["content"] = message.Role == MessageRole.Tool ? "Tool result: " + message.Content : message.Content,
            }).ToArray()),
            ["temperature"] = request.Temperature ?? _options.Temperature,
        };
        if (request.MaxOutputTokens is { } maxTokens)
        {
            payload["max_completion_tokens"] = maxTokens;
        }

        if (request.ResponseSchema is { } schema)
        {
            payload["response_format"] = new JsonObject
            {
                ["type"] = "json_schema",
                ["json_schema"] = new JsonObject { ["name"] = schema.Name, ["schema"] = schema.Schema.DeepClone(), ["strict"] = schema.Strict },
            };
        }

        return payload;
    }

    /// <summary>The response as JSON; a body that is not JSON (an HTML error page) as a truncated string.</summary>
    private static JsonNode? ResponseNode(byte[]? body)
    {
        if (body is null || body.Length == 0)
        {
            return null;
        }

        if (TryParseJson(body) is { } json)
        {
            return json;
        }

        var text = Encoding.UTF8.GetString(body);
        return JsonValue.Create(text.Length > MaxRawBodyChars ? text[..MaxRawBodyChars] + "…" : text);
    }

    private static JsonNode? TryParseJson(byte[]? body)
    {
        if (body is null || body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// OpenAI's error.message (or the start of a non-JSON body): the SDK's exception text repeats
    /// the whole body and the response headers, which is too much for a log row.
    /// </summary>
    private static string? ProviderErrorMessage(byte[]? body)
    {
        if (TryParseJson(body) is JsonObject json
            && json["error"] is JsonNode error
            && (error is JsonValue ? error : error["message"]) is JsonValue message
            && message.GetValueKind() == JsonValueKind.String)
        {
            return message.GetValue<string>();
        }

        if (body is null || body.Length == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end].TrimEnd();
    }

    private static int? ReadInt(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) ? number : null;

    private static string FinishReasonToWire(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
