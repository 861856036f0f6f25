using Concierge.Bench.Load;

namespace Concierge.Bench.Scenarios;

/// <summary>
/// Scenario 6: from process start until GET /health answers 200, on a database that already
/// exists (migrated by a first start that is not counted). Also the idle memory of a fresh server.
/// </summary>
public sealed class StartupScenario : Scenario
{
    public override string Name => "startup";

    public override string Title => "process start until /health is 200 (existing database)";

    public override async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var database = await context.Databases.CreateAsync(cancellationToken);
        await (await context.Servers.ConciergeAsync(database, withModel: false, cancellationToken)).DisposeAsync();

        var times = new List<double>();
        var idle = new List<double>();
        var peak = new List<double>();
        for (var run = 0; run < context.Options.StartupRuns; run++)
        {
            await using var server = await context.Servers.ConciergeAsync(database, withModel: false, cancellationToken);
            times.Add(server.TimeToReady.TotalMilliseconds);
            // Idle: settled after start-up (and the one /health that proved it up).
            await Task.Delay(context.Options.Quick ? 100 : 1000, cancellationToken);
            var status = server.Status();
            idle.Add(status.RssMb);
            peak.Add(status.PeakRssMb);
        }

        var stats = LatencyStats.FromMilliseconds(times);
        var extra = new Dictionary<string, double>
        {
            ["startup_median_ms"] = stats.P50,
            ["startup_max_ms"] = stats.Max,
            ["idle_rss_mb"] = idle.Order().ElementAt(idle.Count / 2),
        };
        var load = new LoadResult(1, times.Count, 0, null, TimeSpan.FromMilliseconds(times.Sum()), stats, null, null);
        return new ScenarioResult(Name, context.Databases.Kind.ToString().ToLowerInvariant(), Title, null, load,
            new ResourceUsage(idle.Max(), peak.Max(), 0), extra, 0, null);
    }
}
