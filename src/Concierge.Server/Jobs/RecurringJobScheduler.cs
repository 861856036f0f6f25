using Concierge.Jobs;

namespace Concierge.Server.Jobs;

/// <summary>
/// Enqueues each <see cref="RecurringJob"/>'s job for the current period, at start and then at
/// every period boundary. Every process does this; the period's dedup key keeps one row, and the
/// job worker of whichever process claims it runs it. Waits at most a minute between looks, so a
/// clock that jumps (a suspended VM, a test's clock) is noticed soon.
/// </summary>
public sealed class RecurringJobScheduler(IEnumerable<RecurringJob> schedules, IJobStore store, TimeProvider clock, ILogger<RecurringJobScheduler> logger)
    : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    private readonly IReadOnlyList<RecurringJob> _schedules = [.. schedules];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_schedules.Count == 0)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                await EnqueueDueAsync(now, stoppingToken);
                var next = _schedules.Min(s => s.PeriodStart(now) + s.Interval) - now;
                await Task.Delay(next < LongestWait ? next : LongestWait, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>Enqueues the period's job of each schedule (once per period across processes).</summary>
    public async Task EnqueueDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var schedule in _schedules)
        {
            try
            {
                var job = schedule.For(now);
                if (await store.EnqueueAsync(JobKinds.SystemTenantId, job, JobRetryPolicy.DefaultMaxAttempts, cancellationToken) is { } id)
                {
                    logger.LogDebug("Enqueued {Kind} job {JobId} for {DedupKey}", schedule.Kind, id, job.DedupKey);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next look tries again; housekeeping must not stop the host.
                logger.LogError(e, "Could not enqueue the recurring {Kind} job; trying again within {Wait}", schedule.Kind, LongestWait);
            }
        }
    }
}
