using System.Diagnostics;
using System.Runtime.InteropServices;
using Concierge.Bench.Processes;
using Concierge.Bench.Reporting;
using Concierge.Bench.Scenarios;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Bench;

/// <summary>
/// Runs the chosen scenarios on each chosen database: builds the server if needed, starts the fake
/// model (and PostgreSQL), runs every scenario with fresh processes, prints the tables. A scenario
/// that fails is reported as failed and the others still run; the exit code is 1 if any erred.
/// </summary>
public static class BenchRunner
{
    public static async Task<int> RunAsync(BenchOptions options, TextWriter log)
    {
        var scenarios = Select(options.Scenarios);
        // Thousands of virtual users are tasks, not threads, but bursts of completions should not
        // wait for the thread pool to grow: the load generator must never be the bottleneck.
        ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 8), Math.Max(64, Environment.ProcessorCount * 8));

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var dll = options.ServerDll ?? await ServerBuild.EnsureAsync(log, stop.Token);
        await log.WriteLineAsync(Machine());
        await using var model = await FakeOpenAiServer.StartAsync(stop.Token);
        // A well-formed template proposal, so that model turns take the model path to the end
        // (read, validated, applied) instead of falling back to the offline reader.
        model.DefaultReply = _ => TemplateProposal;
        var servers = new Servers(dll, model);
        var results = new List<ScenarioResult>();
        foreach (var kind in options.Databases)
        {
            await using var databases = await BenchDatabases.StartAsync(kind, stop.Token);
            var context = new BenchContext(options, model, databases, servers, log);
            foreach (var scenario in scenarios)
            {
                results.Add(await RunOneAsync(scenario, context, stop.Token));
            }
        }

        MarkdownReport.Write(log, results);
        if (options.OutputPath is { } path)
        {
            await JsonReport.WriteAsync(path, options, results);
        }

        return results.Any(r => r.Errors > 0) ? 1 : 0;
    }

    private const string TemplateProposal = """
        {"memory_updates":{"category":"UTILITY","language_pref":"en_US","purpose":"order shipped","wants_header":false,"wants_footer":true,"wants_buttons":false},
         "draft":{"name":"order_shipped","category":"UTILITY","language":"en_US","components":[
           {"type":"BODY","text":"Hi {{1}}, your order {{2}} is on its way. Thanks for shopping with us!","example":{"body_text":[["Maria","#12345"]]}},
           {"type":"FOOTER","text":"Questions? Just reply to this message."}]},
         "accepted":false,"reply":"Here is your template."}
        """;

    private static async Task<ScenarioResult> RunOneAsync(Scenario scenario, BenchContext context, CancellationToken cancellationToken)
    {
        var database = context.Databases.Kind.ToString().ToLowerInvariant();
        await context.Log.WriteLineAsync($"[{database}] {scenario.Name}...");
        var watch = Stopwatch.StartNew();
        try
        {
            var result = await scenario.RunAsync(context, cancellationToken);
            await context.Log.WriteLineAsync(
                $"[{database}] {scenario.Name}: {result.Load?.Count} requests, {result.Errors} errors, p99 {result.Load?.Latency.P99:0.00} ms ({watch.Elapsed.TotalSeconds:0.0} s)");
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A scenario that cannot run is an error in the results, not the end of the benchmark.
            await context.Log.WriteLineAsync($"[{database}] {scenario.Name} FAILED: {ex}");
            return new ScenarioResult(scenario.Name, database, scenario.Title, null, null, null, new Dictionary<string, double>(), 1, ex.Message);
        }
    }

    private static List<Scenario> Select(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return [.. Scenario.All];
        }

        var unknown = names.Where(n => Scenario.All.All(s => s.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown scenario {string.Join(", ", unknown)}");
        }

        // Ratios need their floors: the baselines always run.
        return Scenario.All.Where(s => names.Contains(s.Name) || s is BaselineScenario).ToList();
    }

    private static string Machine()
    {
        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var gcMode = System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC";
        return $"Machine: {Environment.ProcessorCount} cores, {(memory is null ? "?" : $"{long.Parse(memory, System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024} GB")}, "
            + $"{RuntimeInformation.OSDescription}, .NET {Environment.Version} (harness: {gcMode})";
    }
}
