using System.Collections.Concurrent;

namespace Concierge.Tenants;

/// <summary>
/// Slows down password guessing for one username: after <see cref="MaxFailures"/> failures in a
/// row the username is locked for <see cref="LockFor"/>. Keyed by the name as typed (normalised),
/// whether or not such a user exists, so a lock tells nothing about existence. In memory per
/// instance: behind a load balancer each instance counts alone, which still caps a guesser at a
/// few attempts per lock period per instance.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(5);
    private const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How long the username stays locked, or null when it may try now.</summary>
    public TimeSpan? LockedFor(string username)
    {
        if (_entries.TryGetValue(username, out var entry) && entry.LockedUntil is { } until)
        {
            var left = until - clock.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                return left;
            }
        }

        return null;
    }

    public void Failed(string username)
    {
        if (_entries.Count >= MaxTracked)
        {
            // A flood of invented names must not grow memory without bound; forgetting counts is the lesser harm.
            _entries.Clear();
        }

        var now = clock.GetUtcNow();
        _entries.AddOrUpdate(
            username,
            _ => new Entry(1, null),
            (_, e) =>
            {
                var failures = e.LockedUntil is { } until && until <= now ? 1 : e.Failures + 1;
                return new Entry(failures, failures >= MaxFailures ? now + LockFor : null);
            });
    }

    public void Succeeded(string username) => _entries.TryRemove(username, out _);

    private sealed record Entry(int Failures, DateTimeOffset? LockedUntil);
}
