using Concierge.Bench;
using Concierge.Bench.Baseline;

// Either the baseline server (this executable re-launched by the harness) or the harness itself.
if (args.Length > 0 && args[0] == BaselineServer.Mode)
{
    return await BaselineServer.RunAsync(args);
}

// The in-process micro bench of the crisis detector (docs/benchmarks.md, "Crisis detection").
if (args.Length > 0 && args[0] == Concierge.Bench.Micro.CrisisDetectorBench.Mode)
{
    return Concierge.Bench.Micro.CrisisDetectorBench.Run(args, Console.Out);
}

try
{
    return await BenchRunner.RunAsync(BenchOptions.Parse(args), Console.Out);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"concierge-bench: {e.Message}");
    await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project bench/Concierge.Bench -- [scenario...] [--db sqlite|postgres|sqlite,postgres] [--duration 20s] [--warmup 20s] [--connections 64] [--conversations 2000] [--model-latency 800ms] [--think-time 10s] [--quick] [--out results.json] [--server path/Concierge.Server.dll] [--trace scenario]");
    await Console.Error.WriteLineAsync($"scenarios: {string.Join(' ', Concierge.Bench.Scenarios.Scenario.All.Select(s => s.Name))}");
    return 2;
}
