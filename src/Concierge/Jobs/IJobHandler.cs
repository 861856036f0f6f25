namespace Concierge.Jobs;

/// <summary>
/// Runs the jobs of one <see cref="Kind"/>. Returning completes the job; an exception fails the
/// attempt (retried per <see cref="JobRetryPolicy"/>); <see cref="PermanentJobFailure"/> makes it
/// dead at once. The token is cancelled when the claim runs out or the host stops for good.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task HandleAsync(JobContext context, CancellationToken cancellationToken);
}
