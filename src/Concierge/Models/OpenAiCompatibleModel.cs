using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;
using Polly;
using Polly.CircuitBreaker;

namespace Concierge.Models;

/// <summary>
/// A language model behind any OpenAI-compatible chat completions API (OpenAI, Azure OpenAI,
/// Ollama, vLLM, Groq, OpenRouter, and the compatible endpoints of Anthropic and Gemini), on the
/// official OpenAI SDK. The SDK's own retries are off: retries, timeouts and the circuit breaker
/// are ours (Polly), so that every HTTP attempt leaves exactly one log row and failures turn into
/// results, not exceptions. Register it as a singleton: the circuit breaker's memory lives in the instance.
/// </summary>
public sealed class OpenAiCompatibleModel : ILanguageModel
{
    public const string ProviderName = "openai-compatible";

    private readonly LanguageModelOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly OpenAiAttempts _attempts;
    private readonly ResiliencePipeline<AttemptOutcome> _pipeline;

    public OpenAiCompatibleModel(LanguageModelOptions options, HttpClient httpClient, TimeProvider timeProvider, ILogger<OpenAiCompatibleModel> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        var problems = options.Validate().ToList();
        if (!options.IsConfigured)
        {
            problems.Insert(0, $"{options.Provider.ApiKeySetting()} is not set");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("The language model is misconfigured: " + string.Join("; ", problems), nameof(options));
        }

        _options = options;
        _timeProvider = timeProvider;

        var clientOptions = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),

            // A little longer than our own per-attempt (and between-chunks) deadline, so that ours
            // fires first and the outcome is always a clean "timeout".
            NetworkTimeout = options.RequestTimeout + TimeSpan.FromSeconds(1),
        };
        if (options.EffectiveBaseUrl is { } baseUrl)
        {
            // The SDK appends "/chat/completions"; a trailing slash ("…/openai/") would double it.
            clientOptions.Endpoint = new Uri(baseUrl.AbsoluteUri.TrimEnd('/'));
        }

        clientOptions.AddPolicy(new WireCapturePolicy(), PipelinePosition.PerTry);
        var chat = new ChatClient(options.Model, new ApiKeyCredential(options.ApiKey!), clientOptions);
        _attempts = new OpenAiAttempts(options, chat, new SecretRedactor([options.ApiKey]), timeProvider, logger);
        _pipeline = ModelResilience.Build(options, timeProvider, logger);
    }

    public string Provider => _attempts.ProviderName;

    public string Model => _options.Model;

    public async Task<ModelResult> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = ModelTelemetry.StartCall(Provider, Model, streaming: false);
        var result = request.HasTools
            ? await ToolLoop.RunAsync(request, CallAsync, _timeProvider, _attempts.Redactor, cancellationToken).ConfigureAwait(false)
            : (await CallAsync(request, toolsDisabled: false, cancellationToken).ConfigureAwait(false)).Result;
        ModelTelemetry.EndCall(activity, result);
        return result;
    }

    public async IAsyncEnumerable<ModelStreamUpdate> StreamAsync(ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HasTools)
        {
            // The tool loop runs unstreamed (its rounds are short and tool-bound); its answer is one delta.
            var looped = await CompleteAsync(request, cancellationToken).ConfigureAwait(false);
            if (looped.Response is { Text.Length: > 0 } answer)
            {
                yield return new ModelTextDelta(answer.Text);
            }

            yield return new ModelStreamCompleted(looped);
            yield break;
        }

        using var activity = ModelTelemetry.StartCall(Provider, Model, streaming: true);
        var calls = new List<ModelCallLog>();
        var (stream, early) = await OpenStreamAsync(request, calls, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            ModelTelemetry.EndCall(activity, early!);
            yield return new ModelStreamCompleted(early!);
            yield break;
        }

        try
        {
            yield return new ModelTextDelta(stream.FirstText);
            while (true)
            {
                var (delta, final) = await stream.NextAsync(calls).ConfigureAwait(false);
                if (final is not null)
                {
                    ModelTelemetry.EndCall(activity, final);
                    yield return new ModelStreamCompleted(final);
                    yield break;
                }

                if (delta is { Length: > 0 })
                {
                    yield return new ModelTextDelta(delta);
                }
            }
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One resilient call (retries, circuit breaker): a plain request or one tool-loop round.</summary>
    private async Task<ToolRound> CallAsync(ModelRequest request, bool toolsDisabled, CancellationToken cancellationToken)
    {
        // Attempts run one after another, so a plain list is safe to share with the callback.
        var calls = new List<ModelCallLog>();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ModelResilience.CallStartedKey, _timeProvider.GetTimestamp());
        try
        {
            var outcome = await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<AttemptOutcome>(state.Attempts.CompleteAsync(state.Request, state.ToolsDisabled, state.Calls, ctx.CancellationToken)),
                context,
                (Attempts: _attempts, Request: request, ToolsDisabled: toolsDisabled, Calls: calls)).ConfigureAwait(false);
            return new ToolRound(new ModelResult(outcome.Response, calls), outcome.ToolCalls);
        }
        catch (BrokenCircuitException)
        {
            return new ToolRound(CircuitOpen(request, calls, streaming: false), null);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Opens a stream through the pipeline: retried until the first text, or a failed result.</summary>
    private async Task<(OpenAiStream? Stream, ModelResult? Failed)> OpenStreamAsync(ModelRequest request, List<ModelCallLog> calls, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ModelResilience.CallStartedKey, _timeProvider.GetTimestamp());
        try
        {
            var outcome = await _pipeline.ExecuteAsync(
                static (_, state) => new ValueTask<AttemptOutcome>(OpenAiStream.OpenAsync(state.Attempts, state.Request, state.Calls, state.Caller)),
                context,
                (Attempts: _attempts, Request: request, Calls: calls, Caller: cancellationToken)).ConfigureAwait(false);
            return outcome.Stream is { } stream ? (stream, null) : (null, new ModelResult(null, calls));
        }
        catch (BrokenCircuitException)
        {
            return (null, CircuitOpen(request, calls, streaming: true));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// The breaker refused before any request was made: say so in one row and let the turn fall
    /// back at once instead of waiting for a provider that is known to be down.
    /// </summary>
    private ModelResult CircuitOpen(ModelRequest request, List<ModelCallLog> calls, bool streaming)
    {
        var log = new ModelCallLog
        {
            Id = Guid.NewGuid(),
            StartedAt = _timeProvider.GetUtcNow(),
            Provider = Provider,
            Model = _options.Model,
            RequestPayload = _attempts.Redactor.Redact(OpenAiWire.IntendedPayload(request, _options, streaming))!,
            LatencyMs = 0,
            Outcome = ModelCallOutcome.CircuitOpen,
            Error = "The circuit breaker is open after repeated provider failures; no request was sent.",
        };
        _attempts.Record(calls, log);
        return new ModelResult(null, calls);
    }
}
