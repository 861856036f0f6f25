using System.Collections.Concurrent;
using System.Diagnostics;
using Concierge.Jobs;

namespace Concierge.Server.Jobs;

/// <summary>
/// Runs due jobs in this process: claims up to <see cref="JobWorkerOptions.BatchSize"/> whenever
/// a run slot is free (at most <see cref="JobWorkerOptions.Concurrency"/> at once), runs each with
/// the handler of its kind, and records the result (JobRun.cs). Every process has one; the store's
/// claim keeps them from running a job twice. On shutdown it stops claiming, lets running jobs
/// finish within the host's shutdown timeout, then cancels the rest and gives their claims back.
/// </summary>
public sealed partial class JobWorker : BackgroundService
{
    /// <summary>After the shutdown timeout, how long cancelled handlers get to stop before their claims are released anyway.</summary>
    private static readonly TimeSpan ReleaseGrace = TimeSpan.FromSeconds(5);

    private readonly IJobStore _store;
    private readonly Dictionary<string, IJobHandler> _handlers;
    private readonly JobWorkerOptions _options;
    private readonly JobRetryPolicy _policy;
    private readonly TimeProvider _clock;
    private readonly ILogger<JobWorker> _logger;
    private readonly ConcurrentDictionary<Guid, Task> _running = new();

    // Not the stopping token: stopping ends claiming, while running jobs may still finish.
    private readonly CancellationTokenSource _abort = new();

    public JobWorker(IJobStore store, IEnumerable<IJobHandler> handlers, JobWorkerOptions options, JobRetryPolicy policy, TimeProvider clock, ILogger<JobWorker> logger)
    {
        _store = store;
        _options = options;
        _policy = policy;
        _clock = clock;
        _logger = logger;
        _handlers = new Dictionary<string, IJobHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Kind, handler))
            {
                throw new InvalidOperationException(
                    $"Two job handlers claim kind '{handler.Kind}': {_handlers[handler.Kind].GetType().Name} and {handler.GetType().Name}.");
            }
        }
    }

    /// <summary>This worker's name in claimed_by: host, process and instance, so two workers never share one.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How many jobs are running now.</summary>
    public int Running => _running.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _logger.LogInformation(
            "Job worker {Worker} runs {Kinds} ({Concurrency} at once, polling every {Poll})",
            WorkerId, string.Join(", ", _handlers.Keys.Order(StringComparer.Ordinal)), _options.Concurrency, _options.PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            var free = _options.Concurrency - _running.Count;
            var claimed = 0;
            if (free > 0)
            {
                try
                {
                    var jobs = await _store.ClaimAsync(WorkerId, Math.Min(free, _options.BatchSize), _options.ClaimDuration, stoppingToken);
                    foreach (var job in jobs)
                    {
                        Start(job);
                    }

                    claimed = jobs.Count;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    // The database may be away for a moment; the next poll tries again.
                    _logger.LogWarning(e, "Job worker {Worker} could not claim jobs; trying again in {Poll}", WorkerId, _options.PollInterval);
                }
            }

            // A full batch suggests more are due: claim again at once while slots are free.
            if (claimed == 0 || claimed < Math.Min(free, _options.BatchSize) || _running.Count >= _options.Concurrency)
            {
                await PauseAsync(stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Ends the claim loop; then the running jobs get what is left of the shutdown timeout.
        await base.StopAsync(cancellationToken);
        var running = _running.ToArray();
        if (running.Length == 0 || _abort.IsCancellationRequested)
        {
            return;
        }

        _logger.LogInformation("Job worker {Worker} waits for {Count} running jobs before stopping", WorkerId, running.Length);
        try
        {
            await Task.WhenAll(running.Select(r => r.Value)).WaitAsync(cancellationToken);
            return;
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("Job worker {Worker} is out of shutdown time: cancelling {Count} jobs and releasing their claims", WorkerId, _running.Count);
        }

        await _abort.CancelAsync();
        try
        {
            await Task.WhenAll(running.Select(r => r.Value)).WaitAsync(ReleaseGrace, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // A handler that ignores cancellation: its job is given back anyway; should it still
            // finish, its result is refused (the claim is no longer ours) and the job runs again.
            foreach (var (jobId, _) in _running)
            {
                await _store.ReleaseAsync(jobId, WorkerId, CancellationToken.None);
            }
        }
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    private void Start(Job job)
    {
        var run = Task.Run(() => RunAsync(job));
        _running[job.Id] = run;
        _ = run.ContinueWith(_ => _running.TryRemove(job.Id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits a poll interval, or less when every slot is busy and one frees up.</summary>
    private async Task PauseAsync(CancellationToken stoppingToken)
    {
        var delay = Task.Delay(_options.PollInterval, _clock, stoppingToken);
        Task[] waits = _running.Count >= _options.Concurrency ? [delay, .. _running.Values] : [delay];
        await Task.WhenAny(waits);
    }

    private static string Describe(Exception e)
    {
        var text = e is PermanentJobFailure ? e.Message : $"{e.GetType().Name}: {e.Message}";
        return text.Length <= 2000 ? text : text[..2000] + "...";
    }

    private static TagList Tags(Job job) => new() { { "kind", job.Kind } };

    private static Activity? StartActivity(Job job)
    {
        // A root of its own (a run may come long after the turn), linked to the trace that enqueued it.
        ActivityLink[]? links = job.TraceParent is { } parent && ActivityContext.TryParse(parent, null, out var enqueued) ? [new ActivityLink(enqueued)] : null;
        var activity = JobTelemetry.Source.StartActivity(ActivityKind.Consumer, parentContext: default, links: links, name: $"job {job.Kind}");
        activity?.SetTag("job.id", job.Id.ToString());
        activity?.SetTag("job.kind", job.Kind);
        activity?.SetTag("job.attempt", job.Attempts);
        activity?.SetTag("tenant.id", job.TenantId.ToString());
        return activity;
    }
}
