namespace Concierge.Bench.Load;

/// <summary>What one closed-loop run measured after its warm-up.</summary>
/// <param name="Overhead">Latency minus the model time the server reported (Server-Timing), when it reported one.</param>
/// <param name="Errors">Failed requests over the whole run, warm-up included: a harness that errs must say so.</param>
public sealed record LoadResult(
    int Users,
    int Count,
    int Errors,
    string? FirstError,
    TimeSpan Measured,
    LatencyStats Latency,
    LatencyStats? Overhead,
    LatencyStats? ModelTime)
{
    public double Throughput => Measured > TimeSpan.Zero ? Count / Measured.TotalSeconds : 0;
}
