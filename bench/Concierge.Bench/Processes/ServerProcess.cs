using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Concierge.Bench.Processes;

/// <summary>
/// A server under test in its own process on a loopback port (`dotnet some.dll ...`), so that
/// its memory and CPU are its own and the load generator does not share its thread pool.
/// Started and stopped by the harness; its output is kept for failure messages.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, Uri baseUrl, long startedAt)
    {
        _process = process;
        BaseUrl = baseUrl;
        StartedAt = startedAt;
    }

    public Uri BaseUrl { get; }

    public int Pid => _process.Id;

    /// <summary>Stopwatch timestamp taken just before the process was started.</summary>
    public long StartedAt { get; }

    /// <summary>From process start to the first 200 of the readiness path.</summary>
    public TimeSpan TimeToReady { get; private set; }

    public static async Task<ServerProcess> StartAsync(
        string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string readyPath, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);

        // The server refuses to start outside Development without a SECRET_KEY; the bench signs no tokens.
        start.Environment["SECRET_KEY"] = "bench-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument.Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{url}", baseUrl.ToString().TrimEnd('/'), StringComparison.Ordinal));
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var startedAt = Stopwatch.GetTimestamp();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new ServerProcess(process, baseUrl, startedAt);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync(readyPath, TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public ProcStatus Status() => ProcStatus.Read(_process.Id);

    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM lets ASP.NET Core stop gracefully (and SQLite close its file); kill after a while.
            using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                await term!.WaitForExitAsync(CancellationToken.None);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // Enough to explain a failure; a chatty server must not grow the harness without bound.
            if (_output.Length < 64 * 1024)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync(string readyPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        while (Stopwatch.GetElapsedTime(StartedAt) < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {_process.ExitCode} before answering:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var response = await probe.GetAsync(readyPath, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    TimeToReady = Stopwatch.GetElapsedTime(StartedAt);
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            // Short polls: start-up is itself a scenario, measured to the millisecond or so.
            await Task.Delay(5, cancellationToken);
        }

        throw new TimeoutException($"the server did not answer {readyPath} within {timeout}:{Environment.NewLine}{Output()}");
    }
}
