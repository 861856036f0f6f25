using Concierge.Jobs;

namespace Concierge.Server.Tests.Jobs;

/// <summary>Runs until released, or until cancelled.</summary>
public sealed class BlockingHandler : IJobHandler
{
    public const string JobKind = "test.block";

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Kind => JobKind;

    public void Release() => _release.TrySetResult();

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        Entered.TrySetResult();
        await _release.Task.WaitAsync(cancellationToken);
    }
}
