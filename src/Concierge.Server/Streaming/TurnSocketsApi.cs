using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concierge.Conversations;
using Concierge.Server.Accounts;
using Concierge.Server.Configuration;
using Concierge.Server.Errors;
using Concierge.Server.RateLimits;
using Concierge.Server.Sessions;
using Concierge.Server.Tenancy;
using Concierge.Streams;
using Concierge.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Concierge.Server.Streaming;

/// <summary>
/// <c>GET /api/v1/sessions/{id}/ws</c>: turns over one WebSocket. The client sends
/// <c>{"type":"message","content":"..."}</c>; the server answers with the turn's events as frames
/// (<c>{"type":"delta","id","text"}</c> ... <c>{"type":"done","id",...}</c>, the payload of SSE's
/// done), and the same event ids resume over SSE. Credentials as for every route (a bearer token or
/// API key in the upgrade request, or <c>?access_token=</c>), or in the first frame:
/// <c>{"type":"auth","token":"..."}</c>. A bad frame gets an error frame and the socket stays open.
/// </summary>
public static class TurnSocketsApi
{
    public const string TokenQuery = "access_token";
    private static readonly TimeSpan AuthWait = TimeSpan.FromSeconds(10);

    /// <summary>Lets a browser's WebSocket (which cannot set headers) send its token as <c>?access_token=</c>.</summary>
    public static WebApplication UseTurnSockets(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<StreamingOptions>();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = options.Heartbeat });
        app.Use(async (context, next) =>
        {
            if (context.WebSockets.IsWebSocketRequest && context.Request.Path.Value?.EndsWith("/ws", StringComparison.Ordinal) == true
                && context.Request.Headers.Authorization.Count == 0 && context.Request.Query[TokenQuery].ToString() is { Length: > 0 } token)
            {
                context.Request.Headers.Authorization = "Bearer " + token;
            }

            await next(context);
        });
        return app;
    }

    public static RouteHandlerBuilder MapTurnSockets(this IEndpointRouteBuilder routes) =>
        // Anonymous at the framework's door only: the handler refuses every frame but an auth frame
        // until credentials (in the upgrade or in that frame) name a caller of the session's tenant.
        routes.MapGet("/api/v1/sessions/{id}/ws", SocketAsync)
            .WithTags("Sessions")
            .WithSummary("A WebSocket for a session's turns: credentials in the upgrade (header or ?access_token=) or a first {\"type\":\"auth\",\"token\"} frame.")
            .AllowAnonymous()
            .RequireRateLimit();

    private static async Task<Results<EmptyHttpResult, UnauthorizedHttpResult>> SocketAsync(
        string id, HttpContext http, RequestTenant tenant, SessionReader reader, StreamingOptions options, CancellationToken cancellationToken)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await ProblemWriter.WriteAsync(http, StreamProblems.WebSocketRequired, "Open this route with a WebSocket upgrade (GET with Upgrade: websocket).");
            return TypedResults.Empty;
        }

        var sessionId = SessionIds.ParseOrNotFound(id);
        if (tenant.Caller is null && TenantEdgeMiddleware.HasCredentials(http.Request))
        {
            await AccessProblems.WriteUnauthorizedAsync(http, "The bearer token or API key is invalid, expired or revoked.", invalidToken: true);
            return TypedResults.Empty;
        }

        if (tenant.Caller is not null)
        {
            // Before the upgrade, an unknown session (or another tenant's) is a plain 404 problem.
            await reader.GetAsync(id, cancellationToken);
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var channel = new SocketChannel(socket, options.MaxFrameBytes);
        try
        {
            if (tenant.Caller is null && !await AuthenticateInBandAsync(http, channel, tenant, reader, id))
            {
                return TypedResults.Empty;
            }

            await ServeAsync(http, channel, tenant, sessionId);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client went away; a turn it started still commits.
        }

        return TypedResults.Empty;
    }

    private static async Task ServeAsync(HttpContext http, SocketChannel channel, RequestTenant tenant, Guid sessionId)
    {
        var services = http.RequestServices;
        var turn = services.GetRequiredService<Turn>();
        var conversations = services.GetRequiredService<ConversationOptions>();
        var hub = services.GetRequiredService<TurnStreamHub>();
        while (await channel.ReceiveAsync(http.RequestAborted) is { } frame)
        {
            if (frame.Error is { } error)
            {
                await channel.SendErrorAsync(error.Code, error.Detail, error.Field);
                continue;
            }

            var message = frame.Json!;
            switch ((message["type"] as JsonValue)?.TryGetValue<string>(out var type) == true ? type : null)
            {
                case "message":
                    var content = message["content"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
                    if (content is null)
                    {
                        await channel.SendErrorAsync("invalid_field", "A message frame needs 'content', a string.", "content");
                        continue;
                    }

                    LiveStream live;
                    try
                    {
                        var request = new TurnRequest(tenant.Id, sessionId, UserText.From(content, conversations.MaxMessageLength, "content"), "websocket");
                        live = await TurnStreaming.StartAsync(http, turn, request, SseFormat.Native, TurnView.From, http.RequestAborted);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        var (problem, detail, field) = ProblemExceptionHandler.Classify(e);
                        await channel.SendErrorAsync(problem.Code, detail, field, problem.Status);
                        continue;
                    }

                    await StreamRelay.FromMemoryAsync(live, 0, channel, hub.Options.Heartbeat, http.RequestAborted);
                    break;
                case "ping":
                    await channel.SendAsync(new JsonObject { ["type"] = "pong" });
                    break;
                case "auth":
                    await channel.SendErrorAsync("already_authenticated", "This socket already has a caller.", "type");
                    break;
                default:
                    await channel.SendErrorAsync("invalid_field", "'type' must be \"message\" or \"ping\".", "type");
                    break;
            }
        }
    }

    /// <summary>The first frame must be <c>{"type":"auth","token":"..."}</c> naming a caller who may use the session.</summary>
    private static async Task<bool> AuthenticateInBandAsync(HttpContext http, SocketChannel channel, RequestTenant tenant, SessionReader reader, string id)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        wait.CancelAfter(AuthWait);
        SocketFrame? frame;
        try
        {
            frame = await channel.ReceiveAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            frame = null;
        }

        var token = frame?.Json is { } json && (string?)(json["type"] as JsonValue) == "auth" && json["token"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        var caller = token is null ? null : await CallerOfAsync(http.RequestServices, token.Trim(), http.RequestAborted);
        if (caller is null)
        {
            await channel.SendErrorAsync("unauthorized", token is null
                ? "Send {\"type\":\"auth\",\"token\":\"...\"} first (or credentials in the upgrade request)."
                : "The token or API key is invalid, expired or revoked.", "token", StatusCodes.Status401Unauthorized);
            await channel.CloseAsync(WebSocketCloseStatus.PolicyViolation, "unauthorized");
            return false;
        }

        tenant.Id = caller.TenantId;
        tenant.Caller = caller;
        try
        {
            await reader.GetAsync(id, http.RequestAborted);
        }
        catch (Exception e) when (e is SessionNotFoundException or SessionExpiredException)
        {
            var (problem, detail, field) = ProblemExceptionHandler.Classify(e);
            await channel.SendErrorAsync(problem.Code, detail, field, problem.Status);
            await channel.CloseAsync(WebSocketCloseStatus.PolicyViolation, problem.Code);
            return false;
        }

        await channel.SendAsync(new JsonObject { ["type"] = "ready", ["session_id"] = id });
        return true;
    }

    /// <summary>The caller a token stands for, checked as the authentication handlers check it: an API key by its hash, a JWT by signature, issuer, audience and lifetime.</summary>
    private static async Task<Caller?> CallerOfAsync(IServiceProvider services, string token, CancellationToken cancellationToken)
    {
        if (token.Length is 0 or > 8192)
        {
            return null;
        }

        if (ApiKeySecret.LooksLikeKey(token))
        {
            var key = await services.GetRequiredService<IAccountStore>().FindKeyByHashAsync(ApiKeySecret.Hash(token), cancellationToken);
            if (key is null || key.IsRevoked)
            {
                return null;
            }

            var identity = new ClaimsIdentity(
                [
                    new Claim(Caller.SubjectClaim, "key:" + key.Id),
                    new Claim(Caller.TenantClaim, key.TenantId.ToString()),
                    new Claim(Caller.RoleClaim, key.Role.ToWire()),
                    new Claim(Caller.KeyClaim, key.Id.ToString()),
                ],
                ApiKeyAuthentication.SchemeName,
                Caller.SubjectClaim,
                Caller.RoleClaim);
            return Caller.From(new ClaimsPrincipal(identity));
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, AuthSetup.ValidationParameters(services.GetRequiredService<AuthSettings>()));
        return result.IsValid ? Caller.From(new ClaimsPrincipal(result.ClaimsIdentity)) : null;
    }

    private sealed record FrameError(string Code, string Detail, string? Field);

    private sealed record SocketFrame(JsonObject? Json, FrameError? Error);

    /// <summary>One socket: bounded reads, and sends serialised (a relay and the loop never interleave).</summary>
    private sealed class SocketChannel(WebSocket socket, int maxFrameBytes) : IStreamSink
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        /// <summary>The next message as JSON, or an error to answer; null when the client closed.</summary>
        public async Task<SocketFrame?> ReceiveAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[Math.Min(maxFrameBytes, 16 * 1024)];
            using var message = new MemoryStream();
            var tooLarge = false;
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync(WebSocketCloseStatus.NormalClosure, "bye");
                    return null;
                }

                if (!tooLarge)
                {
                    if (message.Length + result.Count > maxFrameBytes)
                    {
                        // Read to the end of the message and drop it: the socket stays usable.
                        tooLarge = true;
                        message.SetLength(0);
                    }
                    else
                    {
                        message.Write(buffer, 0, result.Count);
                    }
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (tooLarge)
                {
                    return new SocketFrame(null, new FrameError("frame_too_large", $"A frame may carry at most {maxFrameBytes} bytes.", null));
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    return new SocketFrame(null, new FrameError("invalid_frame", "Frames are JSON text, not binary.", null));
                }

                try
                {
                    return JsonNode.Parse(message.ToArray()) is JsonObject json
                        ? new SocketFrame(json, null)
                        : new SocketFrame(null, new FrameError("invalid_json", "A frame is one JSON object.", null));
                }
                catch (JsonException)
                {
                    return new SocketFrame(null, new FrameError("invalid_json", "The frame is not valid JSON.", null));
                }
            }
        }

        public Task WriteAsync(Guid streamId, TurnStreamEvent streamEvent)
        {
            var frame = new JsonObject { ["type"] = streamEvent.Name ?? "event", ["id"] = StreamRelay.EventId(streamId, streamEvent.Seq) };
            var data = JsonNode.Parse(streamEvent.Data);
            if (streamEvent.Name == "error")
            {
                frame["code"] = data?["code"]?.DeepClone();
                frame["problem"] = data;
            }
            else if (data is JsonObject fields)
            {
                foreach (var (name, value) in fields.ToList())
                {
                    fields.Remove(name);
                    frame[name] = value;
                }
            }

            return SendAsync(frame);
        }

        public Task PingAsync() => SendAsync(new JsonObject { ["type"] = "ping" });

        public Task SendErrorAsync(string code, string detail, string? field, int status = StatusCodes.Status400BadRequest)
        {
            var problem = new JsonObject
            {
                ["type"] = $"urn:concierge:problem:{code}",
                ["status"] = status,
                ["detail"] = detail,
                ["code"] = code,
            };
            if (field is not null)
            {
                problem["field"] = field;
            }

            return SendAsync(new JsonObject { ["type"] = "error", ["code"] = code, ["problem"] = problem });
        }

        public async Task SendAsync(JsonObject frame)
        {
            var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString(SseFormat.Json));
            await _send.WaitAsync();
            try
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            finally
            {
                _send.Release();
            }
        }

        public async Task CloseAsync(WebSocketCloseStatus status, string reason)
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, reason, CancellationToken.None);
            }
        }
    }
}
