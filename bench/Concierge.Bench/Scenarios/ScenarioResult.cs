using Concierge.Bench.Load;

namespace Concierge.Bench.Scenarios;

/// <summary>The server process's resources during a scenario (from /proc).</summary>
/// <param name="IdleRssMb">VmRSS after start-up and one request, before the load.</param>
/// <param name="PeakRssMb">VmHWM at the end: the process's highest resident memory.</param>
/// <param name="CpuMs">Server CPU time (user + system) during the measured window.</param>
public sealed record ResourceUsage(double IdleRssMb, double PeakRssMb, double CpuMs);

/// <summary>One scenario on one database.</summary>
/// <param name="Floor">The baseline scenario this one is compared with, or null.</param>
/// <param name="Extra">Scenario-specific numbers (start-up times, model calls seen by the fake).</param>
public sealed record ScenarioResult(
    string Name,
    string Database,
    string Title,
    string? Floor,
    LoadResult? Load,
    ResourceUsage? Usage,
    IReadOnlyDictionary<string, double> Extra,
    int Errors,
    string? FirstError)
{
    public double? CpuMsPerRequest => Load is { Count: > 0 } load && Usage is { } usage ? usage.CpuMs / load.Count : null;
}
