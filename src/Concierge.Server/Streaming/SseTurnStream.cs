using System.Text;
using Concierge.Streams;
using Microsoft.AspNetCore.Http.Features;

namespace Concierge.Server.Streaming;

/// <summary>
/// A turn's stream as server-sent events that survive proxies: no buffering (X-Accel-Buffering for
/// nginx, the response body feature's buffering off, no compression), no caching, every event
/// flushed, and an <c>id:</c> on every event (<c>{stream}:{seq}</c>) that a reconnect sends back as
/// <c>Last-Event-ID</c>. Writes await the connection's own bounded buffer: a reader that does not
/// read holds this writer, never the turn.
/// </summary>
public sealed class SseTurnStream : IStreamSink
{
    private readonly HttpResponse _response;

    private SseTurnStream(HttpResponse response) => _response = response;

    /// <summary>Starts the event stream: headers go out now, so that proxies and clients see it open.</summary>
    public static async Task<SseTurnStream> StartAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync();
        await response.Body.FlushAsync();
        return new SseTurnStream(response);
    }

    /// <summary>One event as the wire carries it.</summary>
    public static string Format(Guid streamId, TurnStreamEvent e)
    {
        var text = new StringBuilder(e.Data.Length + 64);
        if (e.Name is not null)
        {
            text.Append("event: ").Append(e.Name).Append('\n');
        }

        text.Append("id: ").Append(StreamRelay.EventId(streamId, e.Seq)).Append('\n');
        text.Append("data: ").Append(e.Data).Append("\n\n");
        return text.ToString();
    }

    public Task WriteAsync(Guid streamId, TurnStreamEvent streamEvent) => WriteRawAsync(Format(streamId, streamEvent));

    public Task PingAsync() => WriteRawAsync(": ping\n\n");

    private async Task WriteRawAsync(string text)
    {
        var aborted = _response.HttpContext.RequestAborted;
        await _response.WriteAsync(text, aborted);
        await _response.Body.FlushAsync(aborted);
    }
}
