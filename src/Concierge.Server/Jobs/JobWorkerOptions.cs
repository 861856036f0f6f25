namespace Concierge.Server.Jobs;

/// <summary>The job worker's settings, <c>Concierge:Jobs:*</c>, read and checked at start-up.</summary>
public sealed record JobWorkerOptions
{
    private const string Section = "Concierge:Jobs:";

    /// <summary>How long the worker waits before looking again when it found nothing due.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many jobs per claim (fewer when fewer run slots are free).</summary>
    public int BatchSize { get; init; } = 4;

    /// <summary>How long a claim lasts; a job still running then is cancelled, and another process may take it.</summary>
    public TimeSpan ClaimDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Jobs this process runs at once.</summary>
    public int Concurrency { get; init; } = 4;

    public static JobWorkerOptions Bind(IConfiguration configuration)
    {
        var defaults = new JobWorkerOptions();
        var options = new JobWorkerOptions
        {
            PollInterval = Settings.Duration(configuration, Section + "PollInterval", defaults.PollInterval),
            BatchSize = Settings.Int(configuration, Section + "BatchSize", defaults.BatchSize),
            ClaimDuration = Settings.Duration(configuration, Section + "ClaimDuration", defaults.ClaimDuration),
            Concurrency = Settings.Int(configuration, Section + "Concurrency", defaults.Concurrency),
        };

        Check(options.PollInterval >= TimeSpan.FromMilliseconds(10) && options.PollInterval <= TimeSpan.FromMinutes(5), "PollInterval", "must be between 10ms and 5m");
        Check(options.BatchSize is >= 1 and <= 1000, "BatchSize", "must be between 1 and 1000");
        Check(options.ClaimDuration >= TimeSpan.FromSeconds(1) && options.ClaimDuration <= TimeSpan.FromDays(1), "ClaimDuration", "must be between 1s and 1d");
        Check(options.Concurrency is >= 1 and <= 256, "Concurrency", "must be between 1 and 256");
        return options;
    }

    private static void Check(bool ok, string key, string problem)
    {
        if (!ok)
        {
            throw new InvalidSettingException(Section + key, problem);
        }
    }
}
