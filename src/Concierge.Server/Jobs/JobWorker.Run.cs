using System.Diagnostics;
using Concierge.Jobs;
using Concierge.Models;

namespace Concierge.Server.Jobs;

/// <summary>One job's run: the handler, then the result recorded as done, retry, dead or released.</summary>
public sealed partial class JobWorker
{
    private async Task RunAsync(Job job)
    {
        var started = _clock.GetUtcNow();
        using var activity = StartActivity(job);
        using var scope = _logger.BeginScope(new Concierge.Logging.LogFields(("TenantId", job.TenantId), ("SessionId", job.SessionId), ("JobId", job.Id)));
        using var tenant = ModelTelemetry.ForTenant(job.TenantId);
        var tags = Tags(job);
        JobTelemetry.Lag.Record(Math.Max(0, (started - job.RunAt).TotalSeconds), tags);
        var watch = Stopwatch.StartNew();
        string outcome;
        try
        {
            outcome = await RunHandlerAsync(job);
        }
        catch (Exception e)
        {
            // Recording the result failed (the database is away): the claim expires and the job runs again.
            _logger.LogError(e, "Job {JobId} ({Kind}) ran, but its result could not be recorded; it runs again after its claim expires", job.Id, job.Kind);
            outcome = "unrecorded";
        }

        tags.Add("outcome", outcome);
        JobTelemetry.Processed.Add(1, tags);
        JobTelemetry.Duration.Record(watch.Elapsed.TotalSeconds, Tags(job));
        activity?.SetTag("job.outcome", outcome);
        activity?.SetStatus(outcome is JobTelemetry.Outcomes.Done or JobTelemetry.Outcomes.Released ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
    }

    private async Task<string> RunHandlerAsync(Job job)
    {
        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            return await FailAsync(job, $"No handler for job kind '{job.Kind}' in this process (it runs {string.Join(", ", _handlers.Keys.Order(StringComparer.Ordinal))}).", permanent: true);
        }

        // Claimed more often than allowed: each earlier run died with its process or outran its
        // claim, so running it again would only loop.
        if (job.Attempts > job.MaxAttempts)
        {
            return await FailAsync(job, $"Claimed {job.Attempts} times for {job.MaxAttempts} attempts without a recorded result (its process died, or it outran its claim).", permanent: true);
        }

        // A handler must not outlive its claim: another process would take the job meanwhile.
        using var claim = new CancellationTokenSource(_options.ClaimDuration, _clock);
        using var token = CancellationTokenSource.CreateLinkedTokenSource(claim.Token, _abort.Token);
        try
        {
            var context = new JobContext(job.Id, job.TenantId, job.SessionId, job.Kind, job.Payload, job.Attempts, job.RunAt);
            await handler.HandleAsync(context, token.Token);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            await _store.ReleaseAsync(job.Id, WorkerId, CancellationToken.None);
            _logger.LogInformation("Job {JobId} ({Kind}) was stopped by the shutdown and goes back to the queue", job.Id, job.Kind);
            return JobTelemetry.Outcomes.Released;
        }
        catch (Exception e) when (claim.IsCancellationRequested)
        {
            return await FailAsync(job, $"Ran past its claim of {_options.ClaimDuration} ({Describe(e)}).", permanent: false);
        }
        catch (Exception e)
        {
            return await FailAsync(job, Describe(e), permanent: e is PermanentJobFailure, e);
        }

        if (!await _store.CompleteAsync(job.Id, WorkerId, CancellationToken.None))
        {
            _logger.LogWarning("Job {JobId} ({Kind}) finished after its claim was taken over; the other run's result stands", job.Id, job.Kind);
        }

        return JobTelemetry.Outcomes.Done;
    }

    private async Task<string> FailAsync(Job job, string error, bool permanent, Exception? exception = null)
    {
        var retryAt = permanent ? null : _policy.NextRunAt(job.Attempts, job.MaxAttempts, _clock.GetUtcNow(), Random.Shared.NextDouble());
        await _store.FailAsync(job.Id, WorkerId, error, retryAt, CancellationToken.None);
        if (retryAt is { } at)
        {
            _logger.LogWarning(exception, "Job {JobId} ({Kind}) failed attempt {Attempt} of {Max}; it runs again at {RetryAt:O}: {Error}", job.Id, job.Kind, job.Attempts, job.MaxAttempts, at, error);
            return JobTelemetry.Outcomes.Retry;
        }

        _logger.LogError(exception, "Job {JobId} ({Kind}) is dead after attempt {Attempt} of {Max}: {Error}", job.Id, job.Kind, job.Attempts, job.MaxAttempts, error);
        return JobTelemetry.Outcomes.Dead;
    }
}
