using Concierge.Jobs;
using Microsoft.Extensions.Logging;

namespace Concierge.Storage.Jobs;

/// <summary>
/// The recurring <see cref="JobKinds.JobsPurge"/> job: deletes done and cancelled jobs finished
/// more than <see cref="Retention"/> ago, so the table (which gains a row per housekeeping period)
/// stays small. Dead jobs stay until an operator retries them.
/// </summary>
public sealed class FinishedJobsPurge(IJobStore jobs, TimeProvider clock, ILogger<FinishedJobsPurge> logger) : IJobHandler
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public string Kind => JobKinds.JobsPurge;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        var removed = await jobs.DeleteFinishedAsync(clock.GetUtcNow() - Retention, cancellationToken);
        logger.LogDebug("Deleted {Count} jobs finished before the retention of {Retention}", removed, Retention);
    }
}
