using System.Globalization;
using Concierge.Bench.Scenarios;

namespace Concierge.Bench.Reporting;

/// <summary>
/// The results as the markdown tables docs/benchmarks.md holds: one per database. "× floor" is
/// the scenario's cost as a multiple of its baseline's at the same concurrency: throughput
/// (floor req/s ÷ scenario req/s) and p99 latency (scenario ÷ floor).
/// </summary>
public static class MarkdownReport
{
    public static void Write(TextWriter output, IReadOnlyList<ScenarioResult> results)
    {
        foreach (var group in results.GroupBy(r => r.Database))
        {
            output.WriteLine();
            output.WriteLine($"### {group.Key}");
            output.WriteLine();
            output.WriteLine("| scenario | users | requests | errors | req/s | p50 ms | p90 ms | p99 ms | max ms | overhead p50 / p99 ms | × floor (req/s, p99) | CPU ms/req | RSS idle / peak MB |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            var byName = group.ToDictionary(r => r.Name);
            foreach (var result in group)
            {
                output.WriteLine(Row(result, result.Floor is { } floor ? byName.GetValueOrDefault(floor) : null));
            }

            output.WriteLine();
            foreach (var result in group.Where(r => r.Extra.Count > 0))
            {
                output.Write($"- {result.Name}: ");
                output.WriteLine(string.Join(", ", result.Extra.Select(e => $"{e.Key} = {F(e.Value)}")));
            }

            foreach (var result in group.Where(r => r.FirstError is not null))
            {
                output.WriteLine($"- {result.Name}: {result.Errors} errors, first: {result.FirstError}");
            }
        }
    }

    private static string Row(ScenarioResult result, ScenarioResult? floor)
    {
        var load = result.Load;
        if (load is null)
        {
            return $"| {result.Name} | | | {result.Errors} | | | | | | | | | |";
        }

        var overhead = load.Overhead is { } o ? $"{F(o.P50)} / {F(o.P99)}" : "–";
        var ratio = floor?.Load is { Count: > 0 } f && load.Count > 0
            ? $"{F(f.Throughput / load.Throughput)}× / {F(load.Latency.P99 / f.Latency.P99)}× {floor.Name.Replace("baseline-", string.Empty, StringComparison.Ordinal)}"
            : "–";
        var isStartup = result.Name == "startup";
        var usage = result.Usage is { } u ? $"{F(u.IdleRssMb)} / {F(u.PeakRssMb)}" : "–";
        return string.Join(" | ",
            $"| {result.Name}: {result.Title}",
            load.Users.ToString(CultureInfo.InvariantCulture),
            load.Count.ToString(CultureInfo.InvariantCulture),
            result.Errors.ToString(CultureInfo.InvariantCulture),
            isStartup ? "–" : F(load.Throughput),
            F(load.Latency.P50),
            F(load.Latency.P90),
            F(load.Latency.P99),
            F(load.Latency.Max),
            overhead,
            ratio,
            result.CpuMsPerRequest is { } cpu && !isStartup ? F(cpu) : "–",
            usage) + " |";
    }

    private static string F(double value) => value switch
    {
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
