using System.Diagnostics;

namespace Concierge.Bench.Load;

/// <summary>Percentiles of a set of durations, in milliseconds (nearest rank on the sorted samples).</summary>
public sealed record LatencyStats(int Count, double Mean, double P50, double P90, double P99, double Max)
{
    public static readonly LatencyStats Empty = new(0, 0, 0, 0, 0, 0);

    public static LatencyStats FromTicks(IReadOnlyCollection<long> stopwatchTicks) =>
        FromMilliseconds(stopwatchTicks.Select(t => t * 1000.0 / Stopwatch.Frequency));

    public static LatencyStats FromMilliseconds(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        Array.Sort(sorted);
        double At(double quantile) => sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencyStats(sorted.Length, sorted.Average(), At(0.50), At(0.90), At(0.99), sorted[^1]);
    }
}
