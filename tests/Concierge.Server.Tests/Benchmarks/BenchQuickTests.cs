using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Concierge.Testing.Postgres;

namespace Concierge.Server.Tests.Benchmarks;

/// <summary>
/// Keeps the benchmark harness (bench/Concierge.Bench) from rotting: runs every scenario with
/// --quick (two seconds each, tiny loads) and asserts only that each one ran without errors.
/// Never a speed: speed is proven by the harness's full runs (docs/benchmarks.md), not by tests.
/// </summary>
public sealed class BenchQuickTests
{
    private static readonly string[] Scenarios =
    [
        "baseline-const", "baseline-insert", "health", "session-new", "chat-offline", "chat-model", "chat-model-slow", "history", "booking-chat", "knowledge-search", "shop-search", "startup", "stream",
    ];

    [Fact]
    public async Task Every_scenario_runs_without_errors_on_every_database()
    {
        // Where PostgreSQL is installed (always under CI: test.sh installs it), both databases run.
        var databases = PostgresDatabases.IsInstalled || IsCi() ? new[] { "sqlite", "postgres" } : ["sqlite"];
        var root = RepositoryRoot();
        var output = Path.Combine(Path.GetTempPath(), $"concierge-bench-quick-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, log) = await RunAsync(
                root, ["run", "-c", "Release", "--project", "bench/Concierge.Bench", "--", "--quick", "--db", string.Join(',', databases), "--out", output]);

            Assert.True(File.Exists(output), $"the harness wrote no results (exit code {exitCode}):{Environment.NewLine}{log}");
            var results = JsonNode.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken))!["results"]!.AsArray();
            foreach (var database in databases)
            {
                foreach (var scenario in Scenarios)
                {
                    var result = results.SingleOrDefault(r => (string?)r!["name"] == scenario && (string?)r!["database"] == database);
                    Assert.True(result is not null, $"{scenario} on {database} did not run:{Environment.NewLine}{log}");
                    Assert.True((int)result!["errors"]! == 0, $"{scenario} on {database}: {result["first_error"]}{Environment.NewLine}{log}");
                    Assert.True((int)result["load"]!["count"]! > 0, $"{scenario} on {database} measured no request{Environment.NewLine}{log}");
                }
            }

            Assert.True(exitCode == 0, $"exit code {exitCode}:{Environment.NewLine}{log}");
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(12);

    private static bool IsCi() => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Concierge.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Concierge.slnx not found above the test's output folder.");
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string root, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the nested build at the wrong SDK pieces.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        var log = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Builds (the harness in Release, the server in Release when stale: over two minutes on a cold
        // 2-core machine) plus about two minutes per database, since each scenario starts its own server.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the quick benchmark did not finish in {Limit.TotalMinutes} minutes:{Environment.NewLine}{log}");
        }

        // The asynchronous readers may still hold the last lines.
        process.WaitForExit();
        return (process.ExitCode, log.ToString());
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
