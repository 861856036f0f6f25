using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Concierge.Jobs;

/// <summary>
/// The jobs' metrics and traces, named here so that the operations issue only has to export them
/// (AddMeter / AddSource "Concierge.Jobs"). Each run is one span, tagged with the job's kind, id
/// and attempt; the outcome is done, retry, dead or released.
/// </summary>
public static class JobTelemetry
{
    public const string Name = "Concierge.Jobs";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Runs finished, by <c>kind</c> and <c>outcome</c>.</summary>
    public static readonly Counter<long> Processed = Meter.CreateCounter<long>("concierge.jobs.processed", "{job}", "Job runs finished, by kind and outcome.");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("concierge.jobs.duration", "s", "How long a job's handler ran.");

    /// <summary>Start minus run_at: how long a due job waited for a worker.</summary>
    public static readonly Histogram<double> Lag = Meter.CreateHistogram<double>("concierge.jobs.lag", "s", "How long a due job waited for a worker (start - run_at).");

    private static volatile QueueSnapshot _queue = QueueSnapshot.Empty;

    /// <summary>Jobs in the table, by <c>kind</c> and <c>state</c> (queued, running, done, dead, cancelled), as last counted.</summary>
    public static readonly ObservableGauge<long> Jobs = Meter.CreateObservableGauge(
        "concierge.jobs", () => _queue.Counts.Select(c => new Measurement<long>(c.Count, new("kind", c.Kind), new("state", c.State))), "{job}", "Jobs by kind and state, as last counted.");

    /// <summary>How long the oldest due queued job of each kind has been waiting (0 when none waits): the queue's lag, even when no worker runs.</summary>
    public static readonly ObservableGauge<double> QueueLag = Meter.CreateObservableGauge(
        "concierge.jobs.queue.lag", () => _queue.Lags.Select(l => new Measurement<double>(l.Seconds, new KeyValuePair<string, object?>("kind", l.Kind))), "s", "Age of the oldest due queued job, by kind.");

    /// <summary>What the queue monitor last counted; the gauges report it at each scrape.</summary>
    public static void Observe(QueueSnapshot snapshot) => _queue = snapshot;

    public sealed record QueueCount(string Kind, string State, long Count);

    public sealed record QueueLagByKind(string Kind, double Seconds);

    public sealed record QueueSnapshot(IReadOnlyList<QueueCount> Counts, IReadOnlyList<QueueLagByKind> Lags)
    {
        public static readonly QueueSnapshot Empty = new([], []);
    }

    public static class Outcomes
    {
        public const string Done = "done";
        public const string Retry = "retry";
        public const string Dead = "dead";
        public const string Released = "released";
    }
}
