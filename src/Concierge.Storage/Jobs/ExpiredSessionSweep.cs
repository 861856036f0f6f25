using Concierge.Conversations;
using Concierge.Jobs;
using Microsoft.Extensions.Logging;

namespace Concierge.Storage.Jobs;

/// <summary>
/// The recurring <see cref="JobKinds.SessionsSweep"/> job: deletes expired anonymous sessions with
/// their messages, model calls and events. Once per period across all processes (its dedup key);
/// were it to run twice, the second finds the rows already gone. A failure is retried as any job's.
/// </summary>
public sealed class ExpiredSessionSweep(ISessionStore sessions, TimeProvider clock, ILogger<ExpiredSessionSweep> logger) : IJobHandler
{
    public string Kind => JobKinds.SessionsSweep;

    public Task HandleAsync(JobContext context, CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    /// <summary>One sweep; returns how many sessions it removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
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
}
