using Concierge.Conversations;
using Concierge.Server.Errors;
using Concierge.Server.Sessions;
using Concierge.Server.Tenancy;
using Concierge.Streams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Streaming;

/// <summary>
/// <c>GET /api/v1/sessions/{id}/stream</c>: a client that lost its stream reconnects with the id of
/// the last event it saw (<c>Last-Event-ID</c> header, as EventSource sends it, or
/// <c>?last_event_id=</c>) and gets every event after it, then the live rest, on any instance,
/// for <see cref="StreamingOptions.Retention"/> after the turn ended. Without an id it replays the
/// session's newest stream from its start.
/// </summary>
public static class TurnStreamsApi
{
    public const string LastEventIdHeader = "Last-Event-ID";
    public const string LastEventIdQuery = "last_event_id";

    /// <summary>How long a stream that just began may take to reach the database before its id counts as unknown.</summary>
    private static readonly TimeSpan YoungStream = TimeSpan.FromSeconds(5);

    public static RouteHandlerBuilder MapTurnStream(this RouteGroupBuilder sessions) =>
        sessions.MapGet("/{id}/stream", ResumeAsync)
            .WithSummary("Resume a turn's event stream after Last-Event-ID (header or last_event_id): the missed events, then the live rest.");

    private static async Task<Results<EmptyHttpResult, NoContent>> ResumeAsync(
        string id, HttpContext http, SessionReader reader, RequestTenant tenant, TurnStreamHub hub, ITurnStreamStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var sessionId = SessionIds.ParseOrNotFound(id);
        // Another tenant's session, or another customer's, is "not found" like one that does not exist.
        await reader.GetAsync(id, cancellationToken);

        var raw = http.Request.Headers[LastEventIdHeader].ToString() is { Length: > 0 } header ? header : http.Request.Query[LastEventIdQuery].ToString();
        Guid streamId;
        var after = 0;
        if (string.IsNullOrWhiteSpace(raw))
        {
            var latest = hub.LocalLatest(tenant.Id, sessionId)?.Info() ?? await store.LatestAsync(tenant.Id, sessionId, cancellationToken);
            if (latest is null)
            {
                await ProblemWriter.WriteAsync(http, StreamProblems.StreamNotFound, $"Session '{id}' has no stream within the retention of {hub.Options.Retention}.", LastEventIdHeader);
                return TypedResults.Empty;
            }

            streamId = latest.Id;
        }
        else if (!StreamRelay.TryParseEventId(raw.Trim(), out streamId, out after))
        {
            await ProblemWriter.WriteAsync(http, Problem.InvalidField, $"{LastEventIdHeader} must be the id of an event this server sent ({{stream}}:{{n}}).", LastEventIdHeader);
            return TypedResults.Empty;
        }

        var info = await FindAsync(hub, store, clock, tenant.Id, streamId, cancellationToken);
        var now = clock.GetUtcNow();
        if (info is null || info.SessionId != sessionId)
        {
            var expired = info is null && CreatedAt(streamId) is { } created && created < now - hub.Options.Retention;
            await ProblemWriter.WriteAsync(
                http,
                expired ? StreamProblems.StreamExpired : StreamProblems.StreamNotFound,
                expired ? $"The stream of event '{raw}' is older than the retention of {hub.Options.Retention}; read the session's messages instead."
                    : $"No stream of session '{id}' sent event '{raw}'.",
                LastEventIdHeader);
            return TypedResults.Empty;
        }

        if (info.ExpiresAt <= now)
        {
            await ProblemWriter.WriteAsync(http, StreamProblems.StreamExpired, $"The stream of event '{raw}' expired at {info.ExpiresAt:O}; read the session's messages instead.", LastEventIdHeader);
            return TypedResults.Empty;
        }

        if (info.Status != TurnStreamStatus.Running && after >= info.LastSeq)
        {
            if (after > info.LastSeq)
            {
                await ProblemWriter.WriteAsync(http, StreamProblems.EventNotFound, $"The stream ended at event {info.LastSeq}; it never sent event {after}.", LastEventIdHeader);
                return TypedResults.Empty;
            }

            // Everything was seen: 204 tells EventSource to stop reconnecting.
            return TypedResults.NoContent();
        }

        var sse = await SseTurnStream.StartAsync(http.Response);
        await TurnStreaming.RelayQuietlyAsync(() => StreamRelay.RunAsync(hub, store, clock, tenant.Id, streamId, after, sse, http.RequestAborted));
        return TypedResults.Empty;
    }

    private static async Task<TurnStreamInfo?> FindAsync(TurnStreamHub hub, ITurnStreamStore store, TimeProvider clock, Guid tenantId, Guid streamId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var info = hub.Local(streamId) is { } live ? (live.TenantId == tenantId ? live.Info() : null) : await store.FindAsync(tenantId, streamId, cancellationToken);
            if (info is not null || CreatedAt(streamId) is not { } created || clock.GetUtcNow() - created > YoungStream)
            {
                return info;
            }

            // A stream that began a moment ago on another instance may not be written yet.
            await Task.Delay(hub.Options.PollInterval, clock, cancellationToken);
        }
    }

    /// <summary>When a version-7 stream id was made (its first 48 bits), or null for another kind of guid.</summary>
    internal static DateTimeOffset? CreatedAt(Guid id)
    {
        if (id.Version != 7)
        {
            return null;
        }

        var bytes = id.ToByteArray(bigEndian: true);
        long ms = 0;
        for (var i = 0; i < 6; i++)
        {
            ms = (ms << 8) | bytes[i];
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }
}
