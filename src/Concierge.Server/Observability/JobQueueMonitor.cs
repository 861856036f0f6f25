using Concierge.Jobs;
using Concierge.Storage.Jobs;

namespace Concierge.Server.Observability;

/// <summary>
/// Counts the job queue every <see cref="ObservabilitySettings.JobQueueInterval"/> for the <c>concierge.jobs</c> and
/// <c>concierge.jobs.queue.lag</c> gauges, so a scrape never waits for the database and a stuck
/// worker still shows as growing lag.
/// </summary>
public sealed class JobQueueMonitor(JobQueueStats stats, ObservabilitySettings settings, ILogger<JobQueueMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.JobQueueInterval);
        do
        {
            try
            {
                JobTelemetry.Observe(await stats.ReadAsync(stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not count the job queue for the metrics; trying again in {Interval}", settings.JobQueueInterval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
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
