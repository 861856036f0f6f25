using System.Diagnostics;
using System.Globalization;

namespace Concierge.Bench.Load;

/// <summary>
/// Closed-loop load: N virtual users, each sending its next request as soon as the previous one
/// answered (so the server, not a target rate, sets the pace). Users start spread over the
/// warm-up, so thousands of connections do not all open in the same millisecond; only requests
/// that start after the warm-up and finish before the end are measured. With a think time, each
/// user pauses between an answer and its next message, as a person typing does.
/// </summary>
public sealed class ClosedLoop(HttpClient client, TimeSpan warmUp, TimeSpan duration)
{
    public async Task<LoadResult> RunAsync(int users, IRequestSource requests, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + ToTicks(warmUp);
        var measureUntil = measureFrom + ToTicks(duration);
        var recorders = Enumerable.Range(0, users).Select(_ => new Recorder()).ToArray();

        var tasks = Enumerable.Range(0, users).Select(user => Task.Run(
            () => RunUserAsync(user, requests, recorders[user], start + (ToTicks(warmUp) * user / Math.Max(1, users) / 2), measureFrom, measureUntil, cancellationToken),
            cancellationToken)).ToArray();
        await Task.WhenAll(tasks);

        var latencies = recorders.SelectMany(r => r.Latencies).ToList();
        var models = recorders.SelectMany(r => r.ModelMs).ToList();
        var overheads = recorders.SelectMany(r => r.OverheadMs).ToList();
        return new LoadResult(
            users,
            latencies.Count,
            recorders.Sum(r => r.Errors),
            recorders.Select(r => r.FirstError).FirstOrDefault(e => e is not null),
            duration,
            LatencyStats.FromTicks(latencies),
            overheads.Count > 0 ? LatencyStats.FromMilliseconds(overheads) : null,
            models.Count > 0 ? LatencyStats.FromMilliseconds(models) : null);
    }

    private async Task RunUserAsync(
        int user, IRequestSource requests, Recorder recorder, long startAt, long measureFrom, long measureUntil, CancellationToken cancellationToken)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), startAt);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }

        while (Stopwatch.GetTimestamp() < measureUntil && !cancellationToken.IsCancellationRequested)
        {
            using var request = requests.Next(user);
            var sent = Stopwatch.GetTimestamp();
            double? modelMs = null;
            string? error = null;
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                // The whole body counts: a response is not served until the client has it.
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    error = $"{(int)response.StatusCode} {request.Method} {request.RequestUri?.AbsolutePath}: {Truncate(body)}";
                }

                modelMs = ServerTimingModel(response);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                error = $"{ex.GetType().Name} {request.Method} {request.RequestUri?.AbsolutePath}: {ex.Message}";
            }

            var done = Stopwatch.GetTimestamp();
            if (error is not null)
            {
                recorder.Errors++;
                recorder.FirstError ??= error;
            }
            else if (sent >= measureFrom && done <= measureUntil)
            {
                var ticks = done - sent;
                recorder.Latencies.Add(ticks);
                if (modelMs is { } model)
                {
                    recorder.ModelMs.Add(model);
                    recorder.OverheadMs.Add(Math.Max(0, (ticks * 1000.0 / Stopwatch.Frequency) - model));
                }
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureUntil);
            if (requests.ThinkTime > TimeSpan.Zero && left > TimeSpan.Zero)
            {
                // Never past the end of the run: the harness waits for every user to finish.
                var pause = requests.ThinkTime * (0.5 + Random.Shared.NextDouble());
                await Task.Delay(pause < left ? pause : left, cancellationToken);
            }
        }
    }

    /// <summary>The model's share from <c>Server-Timing: model;dur=812</c>, or null when the server sent none.</summary>
    private static double? ServerTimingModel(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Server-Timing", out var values))
        {
            return null;
        }

        foreach (var metric in values.SelectMany(v => v.Split(',')))
        {
            var parts = metric.Split(';', StringSplitOptions.TrimEntries);
            if (parts[0] != "model")
            {
                continue;
            }

            foreach (var parameter in parts.Skip(1))
            {
                if (parameter.StartsWith("dur=", StringComparison.Ordinal)
                    && double.TryParse(parameter.AsSpan(4), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                {
                    return ms;
                }
            }
        }

        return null;
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>One user's samples: written by that user only, read after all users finished.</summary>
    private sealed class Recorder
    {
        public List<long> Latencies { get; } = new(4096);

        public List<double> ModelMs { get; } = [];

        public List<double> OverheadMs { get; } = [];

        public int Errors { get; set; }

        public string? FirstError { get; set; }
    }
}
