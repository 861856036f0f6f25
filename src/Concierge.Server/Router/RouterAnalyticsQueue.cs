using System.Threading.Channels;
using Concierge.Server.Analytics;
using Concierge.Shops;

namespace Concierge.Server.Router;

/// <summary>
/// Takes the search analytics off the request path: a search is put in a bounded in-process queue
/// and answered; a <see cref="WriteBufferFlusher{TBuffer}"/> writes the queue in batches (one transaction
/// for many searches). Reads (the analytics API, a delegation's search link) flush first, so this
/// process's figures are never behind. Delegations are written at once: they are rare and already
/// cost a turn. A crash loses at most the searches not yet flushed; a full queue (the database
/// down or too slow for long) drops new searches with a warning rather than slow the replies.
/// </summary>
public sealed partial class RouterAnalyticsQueue(IRouterAnalytics store, ILogger<RouterAnalyticsQueue> logger, int capacity = RouterAnalyticsQueue.DefaultCapacity)
    : IRouterAnalytics, IWriteBuffer, IAsyncDisposable
{
    public const int DefaultCapacity = 10_000;
    public const int BatchSize = 500;

    // After this many failed batch writes in a row, each search of the batch is tried alone.
    private const int BatchAttempts = 3;

    private readonly Channel<TenantSearch> _queue = Channel.CreateBounded<TenantSearch>(
        new BoundedChannelOptions(capacity) { SingleReader = false, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });

    // One flush at a time; a failed batch waits here (not in the queue) for the next flush. Never
    // disposed: a flush may still be waiting on it at shutdown, and it holds no wait handle.
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly List<TenantSearch> _batch = [];
    private int _failedAttempts;
    private long _dropped;

    /// <summary>Searches queued and not yet written (the batch in hand included only while it waits for a retry).</summary>
    public int Pending => _queue.Reader.Count + _batch.Count;

    long IWriteBuffer.Pending => Pending;

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Whether a search is waiting to be written (the flusher's cue).</summary>
    public ValueTask<bool> WaitToFlushAsync(CancellationToken cancellationToken) => _queue.Reader.WaitToReadAsync(cancellationToken);

    public Task RecordSearchAsync(Guid tenantId, RouterSearch search, CancellationToken cancellationToken)
    {
        if (!_queue.Writer.TryWrite(new TenantSearch(tenantId, search)))
        {
            var dropped = Interlocked.Increment(ref _dropped);
            if ((dropped & (dropped - 1)) == 0)
            {
                // 1, 2, 4, 8...: the warning stays readable when the queue stays full.
                LogDropped(dropped, capacity);
            }
        }

        return Task.CompletedTask;
    }

    public Task RecordSearchesAsync(IReadOnlyList<TenantSearch> searches, CancellationToken cancellationToken) => store.RecordSearchesAsync(searches, cancellationToken);

    public Task RecordDelegationAsync(Guid tenantId, RouterDelegation delegation, CancellationToken cancellationToken) =>
        store.RecordDelegationAsync(tenantId, delegation, cancellationToken);

    public async Task<Guid?> FindSearchAsync(Guid tenantId, Guid? searchId, string shopSlug, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await TryFlushAsync(cancellationToken);
        return await store.FindSearchAsync(tenantId, searchId, shopSlug, since, cancellationToken);
    }

    public async Task<IReadOnlyList<RouterDay>> DaysAsync(Guid tenantId, DateTimeOffset from, CancellationToken cancellationToken)
    {
        await TryFlushAsync(cancellationToken);
        return await store.DaysAsync(tenantId, from, cancellationToken);
    }

    public async Task<IReadOnlyList<ShopDiscovery>> ShopDiscoveryAsync(Guid tenantId, DateTimeOffset from, int limit, CancellationToken cancellationToken)
    {
        await TryFlushAsync(cancellationToken);
        return await store.ShopDiscoveryAsync(tenantId, from, limit, cancellationToken);
    }

    /// <summary>
    /// Writes every search queued before the call, in batches; throws when the database refuses
    /// (the batch is kept for the next flush).
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            while (_batch.Count > 0 || _queue.Reader.Count > 0)
            {
                while (_batch.Count < BatchSize && _queue.Reader.TryRead(out var search))
                {
                    _batch.Add(search);
                }

                await WriteBatchAsync(cancellationToken);
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>Flushes on shutdown: whatever requests queued after the flusher stopped.</summary>
    public async ValueTask DisposeAsync()
    {
        // Once: the container disposes it under each name it is registered by.
        if (!_queue.Writer.TryComplete())
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

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.RecordSearchesAsync([.. _batch], cancellationToken);
            _batch.Clear();
            _failedAttempts = 0;
            return;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (++_failedAttempts < BatchAttempts)
            {
                throw;
            }

            LogBatchFailed(e, _batch.Count, _failedAttempts);
        }

        // One bad search (its tenant deleted since, say) must not hold back the others forever; but
        // when none can be written the database is down, and the batch waits for it.
        var failed = new List<TenantSearch>();
        foreach (var search in _batch)
        {
            try
            {
                await store.RecordSearchesAsync([search], cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                failed.Add(search);
            }
        }

        if (failed.Count == _batch.Count)
        {
            throw new InvalidOperationException($"No router search of a batch of {failed.Count} could be written; they wait for the next flush.");
        }

        foreach (var search in failed)
        {
            LogSearchDropped(search.Search.Id, search.TenantId);
        }

        _batch.Clear();
        _failedAttempts = 0;
    }

    private async Task TryFlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // A read (or a delegation) goes on without the newest searches rather than fail.
            LogFlushFailed(e, Pending);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "[ROUTER] analytics queue full ({Capacity}): {Dropped} searches not recorded so far")]
    private partial void LogDropped(long dropped, int capacity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "[ROUTER] writing {Count} queued searches failed ({Attempts} times); trying them one by one")]
    private partial void LogBatchFailed(Exception exception, int count, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "[ROUTER] search {SearchId} of tenant {TenantId} could not be recorded and is dropped")]
    private partial void LogSearchDropped(Guid searchId, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "[ROUTER] flushing the analytics queue failed; {Pending} searches wait for the next flush")]
    private partial void LogFlushFailed(Exception exception, int pending);

    [LoggerMessage(Level = LogLevel.Error, Message = "[ROUTER] {Pending} queued searches were not written at shutdown")]
    private partial void LogLost(Exception exception, int pending);
}
