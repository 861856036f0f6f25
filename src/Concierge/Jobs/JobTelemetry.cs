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

    public static class Outcomes
    {
        public const string Done = "done";
        public const string Retry = "retry";
        public const string Dead = "dead";
        public const string Released = "released";
    }
}
