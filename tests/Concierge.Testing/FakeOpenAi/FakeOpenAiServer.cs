using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Concierge.Testing.FakeOpenAi;

/// <summary>
/// An OpenAI-compatible chat completions server on loopback (real Kestrel, real HTTP, the real
/// wire format), so that tests and benchmarks drive the real SDK path without a paid API.
/// Answers follow a FIFO script of <see cref="FakeStep"/>s; when the script is empty a default
/// responder answers, which makes the same server usable for load tests. Thread-safe.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions WireJson = new() { WriteIndented = false };

    private readonly ConcurrentQueue<FakeStep> _steps = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<RecordedRequest> _embedded = new();
    private readonly CancellationTokenSource _stopping = new();
    private LoopbackServer? _server;
    private long _completionCounter;
    private int _streamsCompleted;
    private string _completionsPath = "/v1/chat/completions";
    private string _embeddingsPath = "/v1/embeddings";

    private FakeOpenAiServer()
    {
    }

    /// <summary>The OpenAI base URL of this server, e.g. "http://127.0.0.1:5123/v1".</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Waited before every default answer (not before scripted steps; use <see cref="Latency"/> there).</summary>
    public TimeSpan DefaultLatency { get; set; } = TimeSpan.Zero;

    /// <summary>Streamed answers that are not scripted wait this long before every chunk after the first (a fixed pace).</summary>
    public TimeSpan DefaultChunkDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Text of the default answer from the request body; by default "Fake answer to: &lt;last user message&gt;".</summary>
    public Func<JsonNode?, string> DefaultReply { get; set; } = body => "Fake answer to: " + FakeWire.LastUserMessage(body);

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int RequestCount => _requests.Count;

    /// <summary>The <c>/v1/embeddings</c> requests answered with vectors (not failed), in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Embedded => [.. _embedded];

    /// <summary>When set, <c>/v1/embeddings</c> answers 500 (a provider outage).</summary>
    public bool FailEmbeddings { get; set; }

    /// <summary>Scripted steps not yet consumed.</summary>
    public int PendingSteps => _steps.Count;

    /// <summary>Streams that were written to the end ("data: [DONE]"); a held or paced stream is not counted yet.</summary>
    public int StreamsCompleted => Volatile.Read(ref _streamsCompleted);

    public static Task<FakeOpenAiServer> StartAsync(CancellationToken cancellationToken = default) => StartAsync("/v1", cancellationToken);

    /// <summary>
    /// Starts the server with its API under <paramref name="basePath"/>: "/v1" for OpenAI and
    /// Anthropic's compatible endpoint, "/v1beta/openai" for Gemini's. <see cref="BaseUrl"/> then
    /// ends in that path with a trailing slash, as those providers document their base URLs.
    /// </summary>
    public static async Task<FakeOpenAiServer> StartAsync(string basePath, CancellationToken cancellationToken = default)
    {
        var server = new FakeOpenAiServer();
        server._server = await LoopbackServer.StartAsync(server.HandleAsync, cancellationToken).ConfigureAwait(false);
        var path = "/" + basePath.Trim('/');
        server._completionsPath = path + "/chat/completions";
        server._embeddingsPath = path + "/embeddings";
        server.BaseUrl = new Uri(server._server.Address + path.TrimStart('/') + (path == "/v1" ? string.Empty : "/"));
        return server;
    }

    public FakeOpenAiServer Enqueue(FakeStep step)
    {
        _steps.Enqueue(step);
        return this;
    }

    public FakeOpenAiServer Reply(string text, int? promptTokens = null, int? completionTokens = null) =>
        Enqueue(new FakeStep.Reply(text, promptTokens, completionTokens));

    public FakeOpenAiServer Status(int code, int? retryAfterSeconds = null, string? body = null) =>
        Enqueue(new FakeStep.Status(code, retryAfterSeconds, body));

    public FakeOpenAiServer Malformed() => Enqueue(new FakeStep.Malformed());

    public FakeOpenAiServer RawJson(string body) => Enqueue(new FakeStep.RawJson(body));

    public FakeOpenAiServer Hang(TimeSpan duration) => Enqueue(new FakeStep.Hang(duration));

    public FakeOpenAiServer Latency(TimeSpan delay) => Enqueue(new FakeStep.Latency(delay));

    /// <summary>Asks for these tool calls (ids are generated unless given).</summary>
    public FakeOpenAiServer ToolCalls(params FakeToolCall[] calls) => Enqueue(new FakeStep.ToolCalls(calls));

    public FakeOpenAiServer Stream(FakeStep.Stream stream) => Enqueue(stream);

    /// <summary>Forgets the recorded requests (the script is kept).</summary>
    public void ClearRequests() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        // Releases hanging requests first, so that stopping does not wait for them.
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
        var cancellationToken = aborted.Token;

        var rawBody = await new StreamReader(http.Request.Body, Encoding.UTF8).ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var body = FakeWire.TryParse(rawBody);
        var recorded = new RecordedRequest(
            http.Request.Method,
            http.Request.Path.Value ?? string.Empty,
            http.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            rawBody,
            body,
            DateTimeOffset.UtcNow);
        _requests.Enqueue(recorded);

        if (HttpMethods.IsPost(http.Request.Method) && http.Request.Path == _embeddingsPath)
        {
            if (FailEmbeddings)
            {
                await FakeWire.WriteErrorAsync(http, StatusCodes.Status500InternalServerError, "Scripted embeddings failure", cancellationToken).ConfigureAwait(false);
                return;
            }

            await FakeEmbeddings.WriteAsync(http, body, cancellationToken).ConfigureAwait(false);
            _embedded.Enqueue(recorded);
            return;
        }

        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.Path != _completionsPath)
        {
            await FakeWire.WriteErrorAsync(http, StatusCodes.Status404NotFound, $"Unknown route {http.Request.Method} {http.Request.Path}", cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await RespondAsync(http, body, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client gave up (a timeout under test) or the server stops: nothing left to answer.
        }
    }

    private async Task RespondAsync(HttpContext http, JsonNode? body, CancellationToken cancellationToken)
    {
        var step = NextStep();
        while (step is FakeStep.Latency latency)
        {
            await Task.Delay(latency.Delay, cancellationToken).ConfigureAwait(false);
            step = NextStep();
        }

        switch (step)
        {
            case FakeStep.Reply reply:
                await WriteCompletionAsync(http, body, reply, cancellationToken).ConfigureAwait(false);
                break;
            case FakeStep.Stream stream:
                await WriteCompletionAsync(http, body, stream, cancellationToken).ConfigureAwait(false);
                break;
            case FakeStep.ToolCalls toolCalls:
                await FakeWire.WriteToolCallsAsync(http, body, toolCalls, Interlocked.Increment(ref _completionCounter), cancellationToken).ConfigureAwait(false);
                break;
            case FakeStep.Status status:
                if (status.RetryAfterSeconds is { } seconds)
                {
                    http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (status.Body is { } verbatim)
                {
                    http.Response.StatusCode = status.Code;
                    http.Response.ContentType = "application/json";
                    await http.Response.WriteAsync(verbatim, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await FakeWire.WriteErrorAsync(http, status.Code, $"Scripted failure {status.Code}", cancellationToken).ConfigureAwait(false);
                }

                break;
            case FakeStep.Malformed malformed:
                await FakeWire.WriteRawAsync(http, malformed.Body, cancellationToken).ConfigureAwait(false);
                break;
            case FakeStep.RawJson raw:
                await FakeWire.WriteRawAsync(http, raw.Body, cancellationToken).ConfigureAwait(false);
                break;
            case FakeStep.Hang hang:
                await Task.Delay(hang.Duration, cancellationToken).ConfigureAwait(false);
                await WriteCompletionAsync(http, body, DefaultStep(body), cancellationToken).ConfigureAwait(false);
                break;
            default:
                if (DefaultLatency > TimeSpan.Zero)
                {
                    await Task.Delay(DefaultLatency, cancellationToken).ConfigureAwait(false);
                }

                await WriteCompletionAsync(http, body, DefaultStep(body), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private FakeStep? NextStep() => _steps.TryDequeue(out var step) ? step : null;

    private FakeStep.Reply DefaultStep(JsonNode? body) => new(DefaultReply(body));

    private Task WriteCompletionAsync(HttpContext http, JsonNode? body, FakeStep.Reply reply, CancellationToken cancellationToken) =>
        WriteCompletionAsync(http, body, new FakeStep.Stream(reply.Text, reply.PromptTokens, reply.CompletionTokens) { FinishReason = reply.FinishReason, ChunkDelay = DefaultChunkDelay }, cancellationToken);

    private async Task WriteCompletionAsync(HttpContext http, JsonNode? body, FakeStep.Stream reply, CancellationToken cancellationToken)
    {
        var id = $"chatcmpl-fake{Interlocked.Increment(ref _completionCounter)}";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var model = body?["model"]?.GetValue<string>() ?? "fake-model";
        var promptTokens = reply.PromptTokens ?? FakeWire.CountPromptTokens(body);
        var completionTokens = reply.CompletionTokens ?? FakeWire.CountWords(reply.Text);
        var usage = new JsonObject
        {
            ["prompt_tokens"] = promptTokens,
            ["completion_tokens"] = completionTokens,
            ["total_tokens"] = promptTokens + completionTokens,
        };

        if (body?["stream"] is JsonValue stream && stream.GetValueKind() == JsonValueKind.True)
        {
            var includeUsage = body["stream_options"]?["include_usage"] is JsonValue include && include.GetValueKind() == JsonValueKind.True;
            var chunks = new FakeChunkWriter(http, id, created, model, includeUsage);
            if (await chunks.WriteAsync(reply, usage, cancellationToken).ConfigureAwait(false))
            {
                Interlocked.Increment(ref _streamsCompleted);
            }

            return;
        }

        var completion = new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Text, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = reply.FinishReason,
            }),
            ["usage"] = usage,
            ["system_fingerprint"] = "fp_fake",
        };
        await FakeWire.WriteRawAsync(http, completion.ToJsonString(WireJson), cancellationToken).ConfigureAwait(false);
    }
}
