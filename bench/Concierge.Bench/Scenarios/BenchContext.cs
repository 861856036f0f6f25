using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Concierge.Bench.Load;
using Concierge.Bench.Processes;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Bench.Scenarios;

/// <summary>What every scenario needs: the options, the fake model, fresh databases, the server launcher, a log.</summary>
public sealed class BenchContext(BenchOptions options, FakeOpenAiServer model, BenchDatabases databases, Servers servers, TextWriter log)
{
    public BenchOptions Options => options;

    public FakeOpenAiServer Model => model;

    public BenchDatabases Databases => databases;

    public Servers Servers => servers;

    public TextWriter Log => log;

    /// <summary>A client that never queues on its own connection pool: one connection per virtual user.</summary>
    public static HttpClient Client(Uri baseUrl) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(30),
    })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromMinutes(2),
    };

    /// <summary>
    /// Runs closed-loop load against <paramref name="server"/> and reads its /proc figures around
    /// the measured window (after the warm-up, until the end), so CPU per request is the steady state's.
    /// </summary>
    public async Task<ScenarioResult> MeasureAsync(
        string name, string title, string? floor, ServerProcess server, HttpClient client, int users, IRequestSource requests,
        IReadOnlyDictionary<string, double>? extra, CancellationToken cancellationToken)
    {
        var idle = server.Status();
        var loop = new ClosedLoop(client, options.WarmUp, options.Duration);
        var running = loop.RunAsync(users, requests, cancellationToken);
        await Task.Delay(options.WarmUp, cancellationToken);
        var from = server.Status();
        using var trace = options.TraceScenario == name ? Tracing.Start(server, options.Duration, name, databases.Kind, log) : null;
        await Task.Delay(options.Duration, cancellationToken);
        var until = server.Status();
        var result = await running;
        if (trace is not null)
        {
            await trace.FinishAsync();
        }

        var usage = new ResourceUsage(idle.RssMb, server.Status().PeakRssMb, (until.CpuTime - from.CpuTime).TotalMilliseconds);
        return new ScenarioResult(name, databases.Kind.ToString().ToLowerInvariant(), title, floor, result, usage,
            extra ?? new Dictionary<string, double>(), result.Errors, result.FirstError);
    }

    /// <summary>New sessions, created ahead of the load (not measured), a few at a time.</summary>
    public static async Task<string[]> NewSessionsAsync(HttpClient client, int count, CancellationToken cancellationToken)
    {
        var ids = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var session = await client.GetFromJsonAsync<NewSession>("/session/new", ct);
            ids[i] = session?.SessionId ?? throw new InvalidOperationException("GET /session/new returned no session_id");
        });
        return ids;
    }

    public static HttpRequestMessage Chat(string sessionId, string message) => new(HttpMethod.Post, "/chat")
    {
        Content = JsonContent.Create(new ChatBody(message, sessionId)),
    };

    public sealed record NewSession([property: JsonPropertyName("session_id")] string SessionId);

    public sealed record ChatBody(
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("session_id")] string SessionId);
}
