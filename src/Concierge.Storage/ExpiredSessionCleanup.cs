using Concierge.Conversations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Concierge.Storage;

public sealed class SessionCleanupOptions
{
    public const string IntervalKey = "Concierge:Sessions:CleanupInterval";

    /// <summary>How often expired sessions are deleted.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Deletes expired anonymous sessions with their messages, model calls and events, at start and
/// then every <see cref="SessionCleanupOptions.Interval"/>. Several instances may run it at
/// once: each batch is its own transaction, and a session already gone is simply not found.
/// </summary>
public sealed class ExpiredSessionCleanup(
    ISessionStore sessions,
    SessionCleanupOptions options,
    TimeProvider clock,
    ILogger<ExpiredSessionCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        try
        {
            do
            {
                await SweepAsync(stoppingToken);
            }
            while (await NextAsync(timer, stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One sweep; returns how many sessions it removed (0 when it failed, which it logs).</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            var removed = await sessions.DeleteExpiredAsync(clock.GetUtcNow(), cancellationToken);
            if (removed > 0)
            {
                logger.LogInformation("Deleted {Count} expired sessions with their messages, model calls and events", removed);
            }
            else
            {
                logger.LogDebug("No expired sessions to delete");
            }

            return removed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next tick tries again; a failing sweep must not stop the host.
            logger.LogError(ex, "Expired-session cleanup failed; it runs again in {Interval}", options.Interval);
            return 0;
        }
    }

    private static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
