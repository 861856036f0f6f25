using System.Globalization;
using System.Text;
using System.Text.Json;
using Concierge.Conversations;
using Microsoft.AspNetCore.Http.Features;

namespace Concierge.Server.Streaming;

/// <summary>
/// A turn streamed as server-sent events that survive proxies: no buffering (X-Accel-Buffering for
/// nginx, the response body feature's buffering off), no caching, every event flushed, a comment
/// line every heartbeat while the model thinks, and an id on every event. Writes are serialised,
/// so deltas, pings and the final event never interleave. A client that went away makes writes
/// fail; the turn does not care (it commits whole).
/// </summary>
public sealed class SseTurnStream : ITurnObserver, IAsyncDisposable
{
    private readonly HttpResponse _response;
    private readonly SseFormat _format;
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly PeriodicTimer _heartbeat;
    private readonly Task _pings;
    private readonly CancellationTokenSource _stop = new();
    private int _id;

    private SseTurnStream(HttpResponse response, SseFormat format, TimeSpan heartbeat)
    {
        _response = response;
        _format = format;
        _heartbeat = new PeriodicTimer(heartbeat);
        _pings = PingAsync();
    }

    /// <summary>Starts the event stream: headers go out now, so that proxies and clients see it open.</summary>
    public static async Task<SseTurnStream> StartAsync(HttpResponse response, SseFormat format, TimeSpan heartbeat)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync();
        await response.Body.FlushAsync();
        return new SseTurnStream(response, format, heartbeat);
    }

    public ValueTask OnDeltaAsync(string text) => new(WriteAsync(_format.Delta(text)));

    public ValueTask OnRestartAsync() => new(WriteAsync(_format.Restart()));

    /// <summary>The committed turn: the last event.</summary>
    public Task DoneAsync(object payload) => WriteAsync(_format.Done(payload));

    /// <summary>The turn failed after the stream began: a problem document as the last event.</summary>
    public Task ErrorAsync(object problem) => WriteAsync(_format.Error(problem));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _heartbeat.Dispose();
        await _pings;
        _stop.Dispose();
        _write.Dispose();
    }

    private async Task WriteAsync(SseEvent sse)
    {
        var text = new StringBuilder();
        if (sse.Name is not null)
        {
            text.Append("event: ").Append(sse.Name).Append('\n');
        }

        text.Append("id: ").Append(Interlocked.Increment(ref _id).ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("data: ").Append(JsonSerializer.Serialize(sse.Data, SseFormat.Json)).Append("\n\n");
        await WriteRawAsync(text.ToString());
    }

    private async Task WriteRawAsync(string text)
    {
        await _write.WaitAsync();
        try
        {
            await _response.WriteAsync(text, _stop.IsCancellationRequested ? CancellationToken.None : _response.HttpContext.RequestAborted);
            await _response.Body.FlushAsync();
        }
        finally
        {
            _write.Release();
        }
    }

    private async Task PingAsync()
    {
        try
        {
            while (await _heartbeat.WaitForNextTickAsync(_stop.Token))
            {
                await WriteRawAsync(": ping\n\n");
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The stream ended or the client left.
        }
    }
}
