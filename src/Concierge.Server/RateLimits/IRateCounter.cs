namespace Concierge.Server.RateLimits;

/// <summary>Counts hits in fixed windows. <see cref="WindowCount.Count"/> includes this hit.</summary>
public interface IRateCounter
{
    ValueTask<WindowCount> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken);
}

/// <summary>The hits so far in the current window (this one included) and the time until it ends.</summary>
public readonly record struct WindowCount(long Count, TimeSpan ResetAfter);
