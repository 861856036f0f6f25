using System.Text.Json;
using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Server.Errors;
using Concierge.Streams;

namespace Concierge.Server.Streaming;

/// <summary>
/// Runs a turn for a caller that asked for <c>text/event-stream</c> (or a WebSocket): the turn runs
/// detached from the request, its events go to a <see cref="LiveStream"/> (kept for a resume, see
/// <see cref="TurnStreamHub"/>), and the caller's connection relays them. A caller that leaves
/// stops only its relay; the turn commits whole and its events stay resumable.
/// </summary>
public static class TurnStreaming
{
    public static bool Wants(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Streams the turn as SSE. Call it once the session is known to exist (an unknown session is
    /// still a plain 404 problem); double texting is decided here, before the stream opens.
    /// </summary>
    public static async Task RunAsync(
        HttpContext http, Turn turn, TurnRequest request, SseFormat format, StreamingOptions options, Func<TurnResult, object> done)
    {
        var live = await StartAsync(http, turn, request, format, done, http.RequestAborted);
        var sse = await SseTurnStream.StartAsync(http.Response);
        await RelayQuietlyAsync(() => StreamRelay.FromMemoryAsync(live, 0, sse, options.Heartbeat, http.RequestAborted));
    }

    /// <summary>
    /// Starts the turn in the background and returns its stream. Throws
    /// <see cref="SessionBusyException"/> when the session's agent rejects double texting and a
    /// turn of the session is still running.
    /// </summary>
    public static async Task<LiveStream> StartAsync(
        HttpContext http, Turn turn, TurnRequest request, SseFormat format, Func<TurnResult, object> done, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var hub = services.GetRequiredService<TurnStreamHub>();
        var reject = await CheckDoubleTextingAsync(services, request, cancellationToken);
        var live = hub.Begin(request.TenantId, request.SessionId, onlyIfIdle: reject) ?? throw new SessionBusyException(request.SessionId);

        // What the error event needs of the request, taken now: the request may be gone by then.
        var path = http.Request.Path.ToString();
        var requestId = http.TraceIdentifier;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TurnStreaming).FullName!);
        hub.Track(Task.Run(() => RunTurnAsync(hub, live, turn, request, format, done, path, requestId, logger), CancellationToken.None));
        return live;
    }

    /// <summary>A relay ends when the client leaves; that is no error.</summary>
    public static async Task RelayQuietlyAsync(Func<Task> relay)
    {
        try
        {
            await relay();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away: the turn goes on, and its events can be resumed.
        }
    }

    /// <summary>
    /// Whether the session's agent rejects double texting; throws <see cref="SessionBusyException"/>
    /// when it does and a turn of the session is running here or streaming on any instance.
    /// </summary>
    public static async Task<bool> CheckDoubleTextingAsync(IServiceProvider services, TurnRequest request, CancellationToken cancellationToken)
    {
        var session = await services.GetRequiredService<SessionDirectory>().GetAsync(request.TenantId, request.SessionId.ToString(), cancellationToken);
        var agent = await services.GetRequiredService<IAgentCatalog>().FindAsync(request.TenantId, session.AgentId, cancellationToken);
        if (agent?.DoubleTexting != DoubleTexting.Reject)
        {
            return false;
        }

        if (services.GetRequiredService<TurnStreamHub>().IsStreaming(request.SessionId) || services.GetRequiredService<SessionGate>().IsHeld(request.SessionId))
        {
            throw new SessionBusyException(request.SessionId);
        }

        // A stream of this session running on another instance (and alive: its owner wrote lately).
        var latest = await services.GetRequiredService<ITurnStreamStore>().LatestAsync(request.TenantId, request.SessionId, cancellationToken);
        var clock = services.GetRequiredService<TimeProvider>();
        return latest is { Status: TurnStreamStatus.Running } running && clock.GetUtcNow() - running.UpdatedAt <= StreamingOptions.StaleAfter
            ? throw new SessionBusyException(request.SessionId)
            : true;
    }

    private static async Task RunTurnAsync(
        TurnStreamHub hub, LiveStream live, Turn turn, TurnRequest request, SseFormat format, Func<TurnResult, object> done, string path, string requestId, ILogger logger)
    {
        try
        {
            // Not tied to any connection: an accepted message runs to its commit.
            var result = await turn.TakeAsync(request, new LiveObserver(live, format), CancellationToken.None);
            Append(live, format.Done(done(result)));
            hub.End(live, TurnStreamStatus.Done);
        }
        catch (Exception e)
        {
            var (problem, detail, field) = ProblemExceptionHandler.Classify(e);
            if (problem.Status >= 500)
            {
                logger.LogError(e, "A streamed turn on session {SessionId} failed", request.SessionId);
            }

            var document = new Dictionary<string, object?>
            {
                ["type"] = problem.Type,
                ["title"] = problem.Title,
                ["status"] = problem.Status,
                ["detail"] = detail,
                ["instance"] = path,
                ["code"] = problem.Code,
                ["request_id"] = requestId,
            };
            if (field is not null)
            {
                document["field"] = field;
            }

            Append(live, format.Error(document));
            hub.End(live, TurnStreamStatus.Failed);
        }
    }

    internal static void Append(LiveStream live, SseEvent sse) => live.Append(sse.Name, JsonSerializer.Serialize(sse.Data, SseFormat.Json));

    /// <summary>The turn's deltas into its stream: appending never waits for any reader.</summary>
    private sealed class LiveObserver(LiveStream live, SseFormat format) : ITurnObserver
    {
        public ValueTask OnDeltaAsync(string text)
        {
            Append(live, format.Delta(text));
            return ValueTask.CompletedTask;
        }

        public ValueTask OnRestartAsync()
        {
            Append(live, format.Restart());
            return ValueTask.CompletedTask;
        }
    }
}
