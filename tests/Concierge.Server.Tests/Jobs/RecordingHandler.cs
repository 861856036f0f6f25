using System.Collections.Concurrent;
using Concierge.Jobs;

namespace Concierge.Server.Tests.Jobs;

/// <summary>Counts the runs of each job id, optionally taking some time per run.</summary>
public sealed class RecordingHandler(string kind = RecordingHandler.DefaultKind, TimeSpan? work = null) : IJobHandler
{
    public const string DefaultKind = "test.record";

    public ConcurrentDictionary<Guid, int> Runs { get; } = new();

    /// <summary>Which "process" this handler belongs to, for the test's own reading.</summary>
    public string? Tag { get; init; }

    public string Kind => kind;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        if (work is { } delay)
        {
            await Task.Delay(delay, cancellationToken);
        }

        Runs.AddOrUpdate(context.JobId, 1, (_, n) => n + 1);
    }
}
