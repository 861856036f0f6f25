using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concierge.Bench.Load;

namespace Concierge.Bench.Scenarios;

/// <summary>
/// Streamed turns (POST /api/v1/sessions/{id}/messages, Accept: text/event-stream) on the fake
/// model streaming 20 words at a fixed pace: time to the first delta and the whole stream's
/// overhead over the model's own pace, at 1 and at --connections users; then streams held open at
/// once (the model thinking) with the server's memory and threads.
/// </summary>
public sealed class StreamScenario : Scenario
{
    private const int Words = 20;
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(20);

    public override string Name => "stream";

    public override string Title => $"SSE turns, fake model streaming {Words} words every {Pace.TotalMilliseconds} ms";

    public override async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var database = await context.Databases.CreateAsync(cancellationToken);
        await (await context.Servers.ConciergeAsync(database, withModel: true, cancellationToken)).DisposeAsync();
        var key = await ApiKeyAsync(context, database, cancellationToken);
        await using var server = await context.Servers.ConciergeAsync(database, withModel: true, cancellationToken);
        using var client = BenchContext.Client(server.BaseUrl);
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);

        var reply = string.Join(' ', Enumerable.Range(1, Words).Select(i => "word" + i.ToString(CultureInfo.InvariantCulture)));
        var defaultReply = context.Model.DefaultReply;
        context.Model.DefaultReply = _ => reply;
        context.Model.DefaultChunkDelay = Pace;
        var extra = new Dictionary<string, double>();
        LoadResult? load = null;
        var from = server.Status();
        try
        {
            foreach (var users in new[] { 1, options.Connections }.Distinct())
            {
                var (first, overhead, count, errors) = await MeasureAsync(client, users, options.Duration, cancellationToken);
                var firstStats = LatencyStats.FromMilliseconds(first);
                var overheadStats = LatencyStats.FromMilliseconds(overhead);
                extra[$"first_delta_p50_ms_{users}"] = firstStats.P50;
                extra[$"first_delta_p99_ms_{users}"] = firstStats.P99;
                extra[$"overhead_p50_ms_{users}"] = overheadStats.P50;
                extra[$"overhead_p99_ms_{users}"] = overheadStats.P99;
                extra[$"streams_per_s_{users}"] = count / options.Duration.TotalSeconds;
                extra[$"errors_{users}"] = errors;
                load = new LoadResult(users, count, errors, null, options.Duration, firstStats, overheadStats, null);
                await context.Log.WriteLineAsync($"  stream: {users} users, first delta p50 {firstStats.P50:F1} ms, overhead p50 {overheadStats.P50:F1} ms, {count} streams");
            }

            var held = options.Quick ? 50 : 1000;
            var (rss, threads, opened) = await HoldAsync(context, server, client, held, cancellationToken);
            extra["held_streams"] = opened;
            extra["held_rss_mb"] = rss;
            extra["held_rss_mb_per_1000"] = opened > 0 ? (rss - from.RssMb) * 1000 / opened : 0;
            extra["held_threads"] = threads;
        }
        finally
        {
            context.Model.DefaultReply = defaultReply;
            context.Model.DefaultChunkDelay = TimeSpan.Zero;
            context.Model.DefaultLatency = TimeSpan.Zero;
            context.Model.ClearRequests();
        }

        var until = server.Status();
        return new ScenarioResult(Name, context.Databases.Kind.ToString().ToLowerInvariant(), Title, null, load,
            new ResourceUsage(from.RssMb, until.PeakRssMb, (until.CpuTime - from.CpuTime).TotalMilliseconds), extra, (int)extra.Where(e => e.Key.StartsWith("errors_", StringComparison.Ordinal)).Sum(e => e.Value), null);
    }

    /// <summary>Each user streams turns one after another in its own session for <paramref name="duration"/>.</summary>
    private static async Task<(List<double> First, List<double> Overhead, int Count, int Errors)> MeasureAsync(
        HttpClient client, int users, TimeSpan duration, CancellationToken cancellationToken)
    {
        var sessions = await SessionsAsync(client, users, cancellationToken);
        var first = new List<double>();
        var overhead = new List<double>();
        var errors = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(sessions.Select(session => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                try
                {
                    var (firstMs, totalMs) = await StreamOnceAsync(client, session, cancellationToken);
                    lock (first)
                    {
                        first.Add(firstMs);
                        overhead.Add(totalMs - ((Words - 1) * Pace.TotalMilliseconds));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }, cancellationToken)));
        return (first, overhead, first.Count, errors);
    }

    private static async Task<(double First, double Total)> StreamOnceAsync(HttpClient client, string session, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{session}/messages")
        {
            Content = JsonContent.Create(new { message = "Stream me an answer." }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        double? first = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (first is null && line == "event: delta")
            {
                first = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
            else if (line is "event: done" or "event: error")
            {
                return (first ?? double.NaN, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        throw new InvalidOperationException("The stream ended before its done event.");
    }

    /// <summary>Opens <paramref name="count"/> streams whose model is still thinking, then reads the server's memory and threads.</summary>
    private static async Task<(double RssMb, double Threads, int Opened)> HoldAsync(
        BenchContext context, Processes.ServerProcess server, HttpClient client, int count, CancellationToken cancellationToken)
    {
        var sessions = await SessionsAsync(client, count, cancellationToken);
        context.Model.DefaultLatency = TimeSpan.FromSeconds(30);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var opened = 0;
        var streams = sessions.Select(session => Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{session}/messages")
            {
                Content = JsonContent.Create(new { message = "Think about it." }),
            };
            request.Headers.Accept.ParseAdd("text/event-stream");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
            Interlocked.Increment(ref opened);
            await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
            var buffer = new byte[256];
            while (await body.ReadAsync(buffer, stop.Token) > 0)
            {
            }
        }, stop.Token)).ToList();

        var deadline = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (Volatile.Read(ref opened) < count && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }

        await Task.Delay(1000, cancellationToken);
        var rss = server.Status().RssMb;
        var threads = Threads(server.Pid);
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(streams);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
        }

        await context.Log.WriteLineAsync($"  stream: {opened} streams held open, server RSS {rss:F0} MB, {threads} threads");
        return (rss, threads, opened);
    }

    private static async Task<string[]> SessionsAsync(HttpClient client, int count, CancellationToken cancellationToken)
    {
        var ids = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            using var response = await client.PostAsJsonAsync("/api/v1/sessions", new { agent = "assistant" }, ct);
            response.EnsureSuccessStatusCode();
            ids[i] = (string)(await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!;
        });
        return ids;
    }

    /// <summary>An operator API key made with the server's own command (<c>keys add</c>), printed alone on the last line.</summary>
    private static async Task<string> ApiKeyAsync(BenchContext context, Processes.DatabaseTarget database, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { context.Servers.ConciergeDll, "keys", "add", "demo", "--role", "operator", "--name", "bench" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SECRET_KEY"] = "bench-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz";
        foreach (var (name, value) in context.Servers.ConciergeEnvironment(database, withModel: false))
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

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? output.Trim().Split('\n')[^1].Trim()
            : throw new InvalidOperationException($"keys add failed: {await process.StandardError.ReadToEndAsync(cancellationToken)}");
    }

    private static double Threads(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Threads:", StringComparison.Ordinal));
        return double.Parse(line.Split(':')[1].Trim(), CultureInfo.InvariantCulture);
    }
}
