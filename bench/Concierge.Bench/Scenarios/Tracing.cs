using System.Diagnostics;
using System.Globalization;
using Concierge.Bench.Processes;

namespace Concierge.Bench.Scenarios;

/// <summary>
/// A CPU-sampling trace of the server during a scenario's measured window, with dotnet-trace when
/// it is installed (<c>dotnet tool install -g dotnet-trace</c>), followed by its top-N report
/// (exclusive and inclusive). The trace file is kept under bench/results/ for PerfView or speedscope.
/// </summary>
public sealed class Tracing : IDisposable
{
    private readonly Process _collect;
    private readonly string _file;
    private readonly TextWriter _log;

    private Tracing(Process collect, string file, TextWriter log)
    {
        _collect = collect;
        _file = file;
        _log = log;
    }

    public static Tracing? Start(ServerProcess server, TimeSpan duration, string scenario, DatabaseKind database, TextWriter log)
    {
        var tool = Tool();
        if (tool is null)
        {
            log.WriteLine("dotnet-trace is not installed (dotnet tool install -g dotnet-trace): no trace.");
            return null;
        }

        var folder = Path.Combine(ServerBuild.RepositoryRoot(), "bench", "results");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{scenario}-{database.ToString().ToLowerInvariant()}.nettrace");
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "collect", "-p", server.Pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time",
            "--duration", duration.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture), "-o", file,
        })
        {
            start.ArgumentList.Add(argument);
        }

        return new Tracing(Process.Start(start)!, file, log);
    }

    public async Task FinishAsync()
    {
        var output = await _collect.StandardOutput.ReadToEndAsync();
        await _collect.WaitForExitAsync();
        if (_collect.ExitCode != 0 || !File.Exists(_file))
        {
            await _log.WriteLineAsync($"dotnet-trace failed ({_collect.ExitCode}): {output}{await _collect.StandardError.ReadToEndAsync()}");
            return;
        }

        await _log.WriteLineAsync($"Trace: {_file}");
        foreach (var inclusive in new[] { false, true })
        {
            var report = new ProcessStartInfo(Tool()!, ["report", _file, "topN", "-n", "40", .. inclusive ? new[] { "--inclusive" } : []])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(report)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            await _log.WriteLineAsync($"Top methods ({(inclusive ? "inclusive" : "exclusive")}):{Environment.NewLine}{text}");
        }
    }

    public void Dispose() => _collect.Dispose();

    private static string? Tool()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var candidates = new[] { Path.Combine(home, ".dotnet", "tools", "dotnet-trace") }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(dir => Path.Combine(dir, "dotnet-trace")));
        return candidates.FirstOrDefault(File.Exists);
    }
}
