using System.Collections.Concurrent;
using Concierge.Streams;

namespace Concierge.Server.Streaming;

/// <summary>
/// The streams this process is running, and the background work behind them: every
/// <see cref="StreamingOptions.FlushInterval"/> it writes the new events of all running streams
/// to the database in one transaction (so a resume on any instance finds them), touches streams
/// that are quiet (so other instances can tell a stream whose process died), and forgets streams
/// that ended and are written. Streamed turns run here, detached from the request that started
/// them; stopping the host waits for them (within its shutdown timeout) and writes the rest.
/// </summary>
public sealed class TurnStreamHub(ITurnStreamStore store, StreamingOptions options, TimeProvider clock, ILogger<TurnStreamHub> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, LiveStream> _live = new();
    private readonly ConcurrentDictionary<Task, byte> _turns = new();
    // Never disposed: a last flush may run while the host disposes its services.
    private readonly SemaphoreSlim _flush = new(1, 1);
    private readonly object _begin = new();

    public StreamingOptions Options => options;

    /// <summary>Running streams held in memory (ended ones stay until written).</summary>
    public int LiveCount => _live.Count;

    /// <summary>
    /// A new stream for a turn of the session; null when <paramref name="onlyIfIdle"/> and a stream
    /// of the same session is still running in this process (double texting's reject policy).
    /// </summary>
    public LiveStream? Begin(Guid tenantId, Guid sessionId, bool onlyIfIdle = false)
    {
        lock (_begin)
        {
            if (onlyIfIdle && IsStreaming(sessionId))
            {
                return null;
            }

            var now = clock.GetUtcNow();
            var stream = new LiveStream(Guid.CreateVersion7(now), tenantId, sessionId, now, RunningExpiry(now));
            _live[stream.Id] = stream;
            return stream;
        }
    }

    /// <summary>Whether a turn of the session is streaming in this process.</summary>
    public bool IsStreaming(Guid sessionId) => _live.Values.Any(s => s.SessionId == sessionId && !s.IsEnded);

    /// <summary>The stream, if this process runs it (or ran it and has not written all of it yet).</summary>
    public LiveStream? Local(Guid streamId) => _live.TryGetValue(streamId, out var stream) ? stream : null;

    /// <summary>The newest local stream of a session.</summary>
    public LiveStream? LocalLatest(Guid tenantId, Guid sessionId) =>
        _live.Values.Where(s => s.TenantId == tenantId && s.SessionId == sessionId).MaxBy(s => s.StartedAt);

    /// <summary>Ends <paramref name="stream"/> now: the turn's last event was appended.</summary>
    public void End(LiveStream stream, TurnStreamStatus status)
    {
        var now = clock.GetUtcNow();
        stream.End(status, now, now + options.Retention);
    }

    /// <summary>Keeps a detached turn in view, so that the host's stop waits for it.</summary>
    public void Track(Task turn)
    {
        _turns[turn] = 0;
        _ = turn.ContinueWith(t => _turns.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Writes what is pending now (the loop does this every flush interval).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flush.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            var writes = new List<(LiveStream Stream, TurnStreamWrite Write)>();
            foreach (var stream in _live.Values)
            {
                if (stream.Pending(now, StreamingOptions.TouchEvery, RunningExpiry(now)) is { } write)
                {
                    writes.Add((stream, write));
                }
            }

            if (writes.Count > 0)
            {
                await store.WriteAsync([.. writes.Select(w => w.Write)], cancellationToken);
                foreach (var (stream, write) in writes)
                {
                    stream.Written(write, now);
                }
            }

            foreach (var stream in _live.Values.Where(s => s.IsSettled))
            {
                // Readers that hold it finish from memory; new ones read the database.
                _live.TryRemove(stream.Id, out _);
            }
        }
        finally
        {
            _flush.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.FlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushQuietlyAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes the rest.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await Task.WhenAll(_turns.Keys).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            logger.LogWarning("Stopping with {Count} streamed turns still running", _turns.Count);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "A streamed turn failed while the host stopped");
        }

        await FlushQuietlyAsync(CancellationToken.None);
    }

    private DateTimeOffset RunningExpiry(DateTimeOffset now) => now + StreamingOptions.StaleAfter + options.Retention;

    private async Task FlushQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The events stay pending; the next flush tries again.
            logger.LogWarning(e, "Could not write the events of {Count} running streams; trying again", _live.Count);
        }
    }
}
