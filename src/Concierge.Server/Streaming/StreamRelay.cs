using System.Globalization;
using Concierge.Streams;

namespace Concierge.Server.Streaming;

/// <summary>Where a relay writes a stream's events: an SSE response or a WebSocket.</summary>
public interface IStreamSink
{
    Task WriteAsync(Guid streamId, TurnStreamEvent streamEvent);

    /// <summary>Nothing happened for a heartbeat: keep the connection open.</summary>
    Task PingAsync();
}

/// <summary>
/// Copies a stream's events after a position to a sink, then the live rest, until the stream's
/// last event: from memory when this process runs the stream, else from the database (polling
/// every <see cref="StreamingOptions.PollInterval"/>). A ping goes out whenever nothing was written
/// for a heartbeat. The sink's own backpressure paces the reader; the turn never waits for it.
/// </summary>
public static class StreamRelay
{
    private const int PageSize = 500;

    /// <summary>The id of an event on the wire: the stream's id and the event's number.</summary>
    public static string EventId(Guid streamId, int seq) => streamId.ToString("N") + ":" + seq.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads an event id (<c>{stream}:{seq}</c>); false when it is not one.</summary>
    public static bool TryParseEventId(string? raw, out Guid streamId, out int seq)
    {
        streamId = Guid.Empty;
        seq = 0;
        if (raw is null || raw.Length > 64)
        {
            return false;
        }

        var at = raw.IndexOf(':', StringComparison.Ordinal);
        return at > 0
            && Guid.TryParseExact(raw.AsSpan(0, at), "N", out streamId)
            && int.TryParse(raw.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out seq);
    }

    public static async Task RunAsync(
        TurnStreamHub hub, ITurnStreamStore store, TimeProvider clock, Guid tenantId, Guid streamId, int after, IStreamSink sink, CancellationToken cancellationToken)
    {
        var cursor = after;
        if (hub.Local(streamId) is { } live)
        {
            await FromMemoryAsync(live, cursor, sink, hub.Options.Heartbeat, cancellationToken);
            return;
        }

        var quietSince = clock.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = await store.FindAsync(tenantId, streamId, cancellationToken);
            if (info is null)
            {
                return;
            }

            var events = await store.ReadAsync(streamId, cursor, PageSize, cancellationToken);
            foreach (var e in events)
            {
                await sink.WriteAsync(streamId, e);
                cursor = e.Seq;
            }

            if (events.Count > 0)
            {
                quietSince = clock.GetTimestamp();
                if (events.Count == PageSize)
                {
                    continue;
                }
            }

            if (info.Status != TurnStreamStatus.Running && cursor >= info.LastSeq)
            {
                return;
            }

            if (info.Status == TurnStreamStatus.Running && clock.GetUtcNow() - info.UpdatedAt > StreamingOptions.StaleAfter)
            {
                // The process that ran the turn is gone: whatever it committed is in the history.
                await sink.WriteAsync(streamId, new TurnStreamEvent(cursor + 1, "error", LostProblem(streamId)));
                return;
            }

            if (clock.GetElapsedTime(quietSince) >= hub.Options.Heartbeat)
            {
                await sink.PingAsync();
                quietSince = clock.GetTimestamp();
            }

            await Task.Delay(hub.Options.PollInterval, clock, cancellationToken);
        }
    }

    /// <summary>The live stream from memory: each wake-up writes everything new at once.</summary>
    public static async Task FromMemoryAsync(LiveStream live, int after, IStreamSink sink, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        var cursor = after;
        while (true)
        {
            var (events, ended, changed) = live.ReadAfter(cursor);
            foreach (var e in events)
            {
                await sink.WriteAsync(live.Id, e);
                cursor = e.Seq;
            }

            if (events.Count > 0)
            {
                continue;
            }

            if (ended)
            {
                return;
            }

            try
            {
                await changed.WaitAsync(heartbeat, cancellationToken);
            }
            catch (TimeoutException)
            {
                await sink.PingAsync();
            }
        }
    }

    private static string LostProblem(Guid streamId) =>
        System.Text.Json.JsonSerializer.Serialize(
            new
            {
                type = "urn:concierge:problem:stream_lost",
                title = "The stream was lost.",
                status = 503,
                detail = $"The process streaming '{streamId:N}' stopped before the turn ended; read the session's messages for what was committed.",
                code = "stream_lost",
            },
            SseFormat.Json);
}
