namespace Concierge.Jobs;

/// <summary>
/// When a failed attempt runs again: exponential backoff from <see cref="BaseDelay"/> doubling per
/// attempt up to <see cref="MaxDelay"/>, with "equal jitter" (a random point in the upper half of
/// the step) so that jobs failing together (an outage) do not all retry in the same second, while
/// every retry still waits at least half its step.
/// </summary>
public sealed record JobRetryPolicy(TimeSpan BaseDelay, TimeSpan MaxDelay, int MaxAttempts)
{
    public const int DefaultMaxAttempts = 8;

    public static JobRetryPolicy Default { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10), DefaultMaxAttempts);

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1-based); <paramref name="jitter"/> in [0, 1).</summary>
    public TimeSpan Delay(int attempt, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var step = BaseDelay.TotalSeconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(step, MaxDelay.TotalSeconds);
        return TimeSpan.FromSeconds((capped / 2) + (capped / 2 * Math.Clamp(jitter, 0, 1)));
    }

    /// <summary>When to run again after failed attempt <paramref name="attempt"/>, or null when the job is out of attempts (dead).</summary>
    public DateTimeOffset? NextRunAt(int attempt, int maxAttempts, DateTimeOffset now, double jitter) =>
        attempt >= maxAttempts ? null : now + Delay(attempt, jitter);
}
