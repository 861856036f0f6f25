using Concierge.Jobs;
using Concierge.Streams;
using Microsoft.Extensions.Logging;

namespace Concierge.Storage.Streams;

/// <summary>
/// The recurring <see cref="JobKinds.StreamsSweep"/> job: deletes the kept events of streamed
/// turns whose retention (STREAM_RETENTION after the turn ended) is over. Once per period across
/// processes (its dedup key); running twice is harmless.
/// </summary>
public sealed class ExpiredStreamSweep(ITurnStreamStore streams, TimeProvider clock, ILogger<ExpiredStreamSweep> logger) : IJobHandler
{
    /// <summary>How often the sweep runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public string Kind => JobKinds.StreamsSweep;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        var removed = await streams.DeleteExpiredAsync(clock.GetUtcNow(), cancellationToken);
        logger.LogDebug("Deleted {Count} expired turn streams with their events", removed);
    }
}
