using System.Collections.Concurrent;
using Concierge.Storage.Analytics;

namespace Concierge.Server.Analytics;

/// <summary>
/// Counts the rate limiter's refusals per tenant and UTC day in this process's memory, so a refused
/// request costs no write; a <see cref="WriteBufferFlusher{TBuffer}"/> adds the counts to
/// rate_limit_rejections every few seconds and at shutdown (the container's disposal flushes once
/// more). Reads flush first, so this process's figures are never behind. A crash loses at most the
/// counts since the last flush; a refusal whose tenant is unknown (an anonymous call naming no
/// agent) is not counted: there is no tenant to count it for.
/// </summary>
public sealed partial class RateLimitRejections(SqlDailyAnalytics store, TimeProvider clock, ILogger<RateLimitRejections> logger) : IWriteBuffer, IAsyncDisposable
{
    private readonly ConcurrentDictionary<(Guid TenantId, DateOnly Day), long> _counts = new();

    // One flush at a time, so a failed flush's counts go back before the next one takes them.
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private int _disposed;

    /// <summary>Counts not yet written, summed over tenants and days.</summary>
    public long Pending => _counts.Values.Sum();

    /// <summary>Counts may come at any time: the flusher looks every interval.</summary>
    public ValueTask<bool> WaitToFlushAsync(CancellationToken cancellationToken) => ValueTask.FromResult(!cancellationToken.IsCancellationRequested);

    public void Count(Guid tenantId)
    {
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        _counts.AddOrUpdate((tenantId, day), 1, (_, n) => n + 1);
    }

    /// <summary>The tenant's rejections per day of [from, to], written and pending alike (this process's pending counts are flushed first).</summary>
    public async Task<IReadOnlyDictionary<DateOnly, long>> PerDayAsync(Guid tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The figures go out without this process's newest counts rather than fail.
            LogFlushFailed(e, Pending);
        }

        return await store.RateLimitRejectionsAsync(tenantId, from, to, cancellationToken);
    }

    /// <summary>Adds every count taken so far to the table; on failure they are kept for the next flush, and the error is thrown.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var taken = new List<DailyRejections>();
            foreach (var key in _counts.Keys)
            {
                if (_counts.TryRemove(key, out var n) && n > 0)
                {
                    taken.Add(new DailyRejections(key.TenantId, key.Day, n));
                }
            }

            try
            {
                await store.AddRateLimitRejectionsAsync(taken, cancellationToken);
            }
            catch
            {
                foreach (var c in taken)
                {
                    _counts.AddOrUpdate((c.TenantId, c.Day), c.Count, (_, n) => n + c.Count);
                }

                throw;
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>Flushes what requests counted after the flusher stopped.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await FlushAsync(timeout.Token);
        }
        catch (Exception e)
        {
            LogLost(e, Pending);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "[ANALYTICS] writing rate-limit rejections failed; {Pending} wait for the next flush")]
    private partial void LogFlushFailed(Exception exception, long pending);

    [LoggerMessage(Level = LogLevel.Error, Message = "[ANALYTICS] {Pending} rate-limit rejections were not written at shutdown")]
    private partial void LogLost(Exception exception, long pending);
}
