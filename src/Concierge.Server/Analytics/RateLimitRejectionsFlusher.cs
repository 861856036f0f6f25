namespace Concierge.Server.Analytics;

/// <summary>
/// Writes the counted rate-limit rejections every interval (5 s, or
/// <c>Concierge:Analytics:RejectionsFlushInterval</c>) when there are any, and once more on shutdown.
/// A failed write keeps the counts and waits, doubling up to 30 s.
/// </summary>
public sealed partial class RateLimitRejectionsFlusher(RateLimitRejections rejections, TimeSpan interval, ILogger<RateLimitRejectionsFlusher> logger) : BackgroundService
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = interval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Real time, not the app's clock: this paces writes, it dates nothing.
                await Task.Delay(wait, stoppingToken);
                if (rejections.Pending == 0)
                {
                    continue;
                }

                try
                {
                    await rejections.FlushAsync(stoppingToken);
                    wait = interval;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    wait = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, wait.Ticks * 2));
                    LogFailed(e, rejections.Pending, wait);
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
            await rejections.FlushAsync(cancellationToken);
        }
        catch (Exception e)
        {
            // The counter's disposal tries once more.
            LogFailed(e, rejections.Pending, TimeSpan.Zero);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "[ANALYTICS] writing rate-limit rejections failed; {Pending} wait, next try in {Backoff}")]
    private partial void LogFailed(Exception exception, long pending, TimeSpan backoff);
}
