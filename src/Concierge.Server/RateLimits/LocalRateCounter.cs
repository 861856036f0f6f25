using System.Collections.Concurrent;

namespace Concierge.Server.RateLimits;

/// <summary>
/// Fixed windows in this process's memory, aligned to the clock (minute boundaries for a minute
/// window) like the Redis counter's, so switching between them mid-window is consistent.
/// </summary>
public sealed class LocalRateCounter(TimeProvider clock) : IRateCounter
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _sweeps;

    public ValueTask<WindowCount> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var start = now.UtcTicks / window.Ticks * window.Ticks;
        var entry = _windows.AddOrUpdate(key, _ => new Window(start, 1), (_, w) => w.Start == start ? w with { Count = w.Count + 1 } : new Window(start, 1));
        if (Interlocked.Increment(ref _sweeps) % 10_000 == 0)
        {
            // Forget windows that ended, so a stream of new callers cannot grow memory without bound.
            foreach (var (k, w) in _windows)
            {
                if (w.Start < start)
                {
                    _windows.TryRemove(k, out _);
                }
            }
        }

        return ValueTask.FromResult(new WindowCount(entry.Count, TimeSpan.FromTicks(start + window.Ticks - now.UtcTicks)));
    }

    private sealed record Window(long Start, long Count);
}
