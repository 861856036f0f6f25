namespace Concierge.Server.Router;

/// <summary>
/// Writes the queued router searches: once a search waits, after the interval (500 ms, or
/// <c>Concierge:Router:AnalyticsFlushInterval</c>), so that one transaction carries the searches of
/// that while, every queued search in batches. A failed
/// write waits, doubling up to 30 s, and is tried again. On shutdown it flushes what is queued;
/// the queue's disposal flushes what requests still queued after that.
/// </summary>
public sealed partial class RouterAnalyticsFlusher(RouterAnalyticsQueue queue, TimeSpan interval, ILogger<RouterAnalyticsFlusher> logger) : BackgroundService
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = interval;
        try
        {
            while (await queue.WaitToFlushAsync(stoppingToken))
            {
                // Real time, not the app's clock: this paces writes, it dates nothing.
                await Task.Delay(backoff, stoppingToken);
                try
                {
                    await queue.FlushAsync(stoppingToken);
                    backoff = interval;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
                    LogFailed(e, queue.Pending, backoff);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync flushes.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await queue.FlushAsync(cancellationToken);
        }
        catch (Exception e)
        {
            // The queue's disposal tries once more.
            LogFailed(e, queue.Pending, TimeSpan.Zero);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "[ROUTER] writing queued searches failed; {Pending} wait, next try in {Backoff}")]
    private partial void LogFailed(Exception exception, int pending, TimeSpan backoff);
}
