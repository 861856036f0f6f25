using Concierge.Conversations;
using Concierge.Server.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Concierge.Server.Streaming;

/// <summary>
/// Runs a turn for a caller that asked for <c>text/event-stream</c>: the stream opens once the
/// session is known to exist (so an unknown session is still a plain 404 problem), the reply's
/// deltas follow as the turn produces them, and the committed turn (or a problem document) ends it.
/// </summary>
public static class TurnStreaming
{
    public static bool Wants(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase));

    public static async Task RunAsync(
        HttpContext http, Turn turn, TurnRequest request, SseFormat format, StreamingOptions options, Func<TurnResult, object> done)
    {
        await using var stream = await SseTurnStream.StartAsync(http.Response, format, options.Heartbeat);
        try
        {
            // Once begun, the turn is not tied to the connection: a client that leaves mid-stream
            // finds the whole reply in the history.
            var result = await turn.TakeAsync(request, stream, http.RequestAborted);
            await Quietly(stream.DoneAsync(done(result)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var (problem, detail, field) = ProblemExceptionHandler.Classify(e);
            var details = ProblemWriter.Create(http, problem, detail, field);
            ProblemWriter.AddRequestId(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details });
            await Quietly(stream.ErrorAsync(details));
        }
    }

    private static async Task Quietly(Task write)
    {
        try
        {
            await write;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away after the commit: nothing is lost.
        }
    }
}
