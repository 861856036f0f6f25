using Concierge.Configuration;

namespace Concierge.Server.Analytics;

/// <summary>Facts kept in this process's memory so that a request costs no write (router searches, rate-limit rejections).</summary>
public interface IWriteBuffer
{
    /// <summary>Facts not yet written.</summary>
    long Pending { get; }

    /// <summary>Completes when there may be something to write; false when nothing more will come.</summary>
    ValueTask<bool> WaitToFlushAsync(CancellationToken cancellationToken);

    Task FlushAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Writes a <see cref="IWriteBuffer"/>: once something waits, after the interval (so that one write
/// carries what came in that while), and once more on shutdown. A failed write keeps what it had
/// and waits, doubling up to 30 s. Generic so that each buffer gets its own hosted service (the
/// host keeps one registration per hosted-service type) and its own log category.
/// </summary>
public sealed partial class WriteBufferFlusher<TBuffer>(TBuffer buffer, string what, TimeSpan interval, ILogger<WriteBufferFlusher<TBuffer>> logger) : BackgroundService
    where TBuffer : IWriteBuffer
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>The flush interval set under <paramref name="key"/>, between 10 ms and 1 h.</summary>
    public static TimeSpan Interval(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var interval = Settings.Duration(configuration, key, fallback);
        return interval < TimeSpan.FromMilliseconds(10) || interval > TimeSpan.FromHours(1)
            ? throw new InvalidSettingException(key, "must be between 10ms and 1h")
            : interval;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = interval;
        try
        {
            while (await buffer.WaitToFlushAsync(stoppingToken))
            {
                // Real time, not the app's clock: this paces writes, it dates nothing.
                await Task.Delay(wait, stoppingToken);
                if (buffer.Pending == 0)
                {
                    continue;
                }

                try
                {
                    await buffer.FlushAsync(stoppingToken);
                    wait = interval;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    wait = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, wait.Ticks * 2));
                    LogFailed(e, what, buffer.Pending, wait);
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
            await buffer.FlushAsync(cancellationToken);
        }
        catch (Exception e)
        {
            // The buffer's disposal tries once more.
            LogFailed(e, what, buffer.Pending, TimeSpan.Zero);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "writing {What} failed; {Pending} wait, next try in {Backoff}")]
    private partial void LogFailed(Exception exception, string what, long pending, TimeSpan backoff);
}
