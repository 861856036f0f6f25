using System.Globalization;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Concierge.Models;

/// <summary>
/// What one attempt came to. Attempts never throw for provider failures: the pipeline decides
/// on these values, so every attempt, failed or not, still leaves its log row.
/// </summary>
/// <param name="Log">The attempt's log row (already redacted).</param>
/// <param name="Response">The answer when the attempt succeeded.</param>
/// <param name="IsTransient">A failure worth retrying and counting against the provider: 429, 5xx, timeout, network error.</param>
/// <param name="RetryAfter">How long the provider asked us to wait (Retry-After / retry-after-ms), if it said.</param>
internal sealed record AttemptOutcome(ModelCallLog Log, ModelResponse? Response, bool IsTransient, TimeSpan? RetryAfter)
{
    /// <summary>The tool calls the model asked for (Response then holds usage and whatever text came with them).</summary>
    public IReadOnlyList<ModelToolCall>? ToolCalls { get; init; }

    /// <summary>A stream that delivered its first text: the rest is read outside the retry pipeline.</summary>
    public OpenAiStream? Stream { get; init; }
}

/// <summary>
/// Builds the Polly pipeline around single attempts: retry (outer) with jittered exponential
/// backoff that honours Retry-After and stays inside the call's total budget, then a circuit
/// breaker (inner) that counts every attempt, so a dead provider is detected after a few
/// attempts and later turns fall back at once instead of waiting out their timeouts.
/// </summary>
internal static class ModelResilience
{
    /// <summary>When the current call started (a TimeProvider timestamp), for the total budget.</summary>
    public static readonly ResiliencePropertyKey<long> CallStartedKey = new("concierge.model.call-started");

    public static ResiliencePipeline<AttemptOutcome> Build(LanguageModelOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<AttemptOutcome> { TimeProvider = timeProvider };

        // Polly refuses MaxRetryAttempts = 0, so "no retries" is simply no retry strategy.
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<AttemptOutcome>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result is { IsTransient: true } && RemainingBudget(args.Context, options, timeProvider) > TimeSpan.Zero),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    RetryDelay(options, args.AttemptNumber, args.Outcome.Result?.RetryAfter, RemainingBudget(args.Context, options, timeProvider))),
                OnRetry = args =>
                {
                    logger.LogInformation(
                        "Retrying the model call after {Outcome} in {DelayMs} ms (retry {Retry} of {MaxRetries})",
                        args.Outcome.Result?.Log.Outcome,
                        (long)args.RetryDelay.TotalMilliseconds,
                        args.AttemptNumber + 1,
                        options.MaxRetries);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<AttemptOutcome>
        {
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = options.CircuitMinimumThroughput,
            SamplingDuration = options.CircuitSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { IsTransient: true }),
            OnOpened = args =>
            {
                logger.LogWarning(
                    "Model circuit opened for {BreakSeconds} s after {Outcome}: turns fall back without calling the provider",
                    args.BreakDuration.TotalSeconds,
                    args.Outcome.Result?.Log.Outcome);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                logger.LogInformation("Model circuit closed: the provider answers again");
                return ValueTask.CompletedTask;
            },
        });

        return builder.Build();
    }

    /// <summary>
    /// The wait before retry number <paramref name="attemptNumber"/> + 1: the provider's Retry-After
    /// when it gave one, else exponential backoff with jitter (so that many instances hit by the
    /// same outage do not retry in lockstep); never above the cap nor past the remaining budget.
    /// </summary>
    public static TimeSpan RetryDelay(LanguageModelOptions options, int attemptNumber, TimeSpan? retryAfter, TimeSpan remainingBudget)
    {
        TimeSpan delay;
        if (retryAfter is { } asked)
        {
            delay = asked;
        }
        else
        {
            var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 16));

            // "Equal jitter": half fixed, half random, so a retry never comes much earlier than planned.
            delay = TimeSpan.FromMilliseconds((exponential / 2) + (Random.Shared.NextDouble() * exponential / 2));
        }

        if (delay > options.MaxRetryDelay)
        {
            delay = options.MaxRetryDelay;
        }

        if (delay > remainingBudget)
        {
            delay = remainingBudget;
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private static TimeSpan RemainingBudget(ResilienceContext context, LanguageModelOptions options, TimeProvider timeProvider)
    {
        if (!context.Properties.TryGetValue(CallStartedKey, out var started))
        {
            return options.TotalTimeout;
        }

        return options.TotalTimeout - timeProvider.GetElapsedTime(started);
    }
}

/// <summary>Reads the provider's wait request: "retry-after-ms" (OpenAI), then Retry-After as seconds or an HTTP date.</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Parse(string? retryAfter, string? retryAfterMs, DateTimeOffset now)
    {
        if (double.TryParse(retryAfterMs, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (string.IsNullOrWhiteSpace(retryAfter))
        {
            return null;
        }

        if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(retryAfter.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
