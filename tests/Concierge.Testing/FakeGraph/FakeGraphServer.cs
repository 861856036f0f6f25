using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Concierge.Testing.FakeGraph;

/// <summary>
/// Meta's Graph API on loopback (real Kestrel, real HTTP), the part Concierge calls:
/// <c>POST /{version}/{waba-id}/message_templates</c>. Answers follow a FIFO script; with the script
/// empty it creates the template (<c>{"id","status":"PENDING","category"}</c>, the category from
/// the request). Every request is recorded with its headers and raw body. Thread-safe.
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, JsonNode?, CancellationToken, Task>> _steps = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<RecordedRequest> _accepted = new();
    private volatile bool _sendsFailing;
    private int _failedSends;
    private readonly CancellationTokenSource _stopping = new();
    private LoopbackServer? _server;
    private long _ids = 594425479261500;

    private FakeGraphServer()
    {
    }

    /// <summary>The Graph base URL, e.g. "http://127.0.0.1:5123" (no version: Concierge adds it).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static async Task<FakeGraphServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new FakeGraphServer();
        server._server = await LoopbackServer.StartAsync(server.HandleAsync, cancellationToken).ConfigureAwait(false);
        server.BaseUrl = server._server.Address;
        return server;
    }

    /// <summary>The next create succeeds with Meta's <c>{"id","status","category"}</c>.</summary>
    public FakeGraphServer Created(string id, string status = "PENDING", string category = "UTILITY") =>
        Enqueue((http, _, ct) => WriteAsync(http, 200, new JsonObject { ["id"] = id, ["status"] = status, ["category"] = category }, ct));

    /// <summary>The next call fails with a Graph error envelope and the given HTTP status.</summary>
    public FakeGraphServer Error(
        int httpStatus, int code, int? subcode = null, string type = "OAuthException", string message = "(#100) Invalid parameter",
        string? userTitle = null, string? userMessage = null, string fbTraceId = "AbCdEfGhIjK") =>
        Enqueue((http, _, ct) =>
        {
            var error = new JsonObject { ["message"] = message, ["type"] = type, ["code"] = code };
            if (subcode is not null)
            {
                error["error_subcode"] = subcode;
            }

            if (userTitle is not null)
            {
                error["error_user_title"] = userTitle;
            }

            if (userMessage is not null)
            {
                error["error_user_msg"] = userMessage;
            }

            error["fbtrace_id"] = fbTraceId;
            if (httpStatus == 401)
            {
                http.Response.Headers.WWWAuthenticate = "OAuth \"Facebook Platform\" \"invalid_token\" \"" + message.Replace("\"", "'", StringComparison.Ordinal) + "\"";
            }

            return WriteAsync(http, httpStatus, new JsonObject { ["error"] = error }, ct);
        });

    /// <summary>Meta's rule error: code 100, subcode 2388299 ("Leading or trailing params not allowed"), HTTP 400.</summary>
    public FakeGraphServer RuleError(string userMessage = "Variables can't be at the start or end of the template.") =>
        Error(400, 100, 2388299, "OAuthException", "Invalid parameter", "Leading or trailing params not allowed", userMessage);

    /// <summary>An expired access token: code 190, subcode 463, OAuthException, HTTP 401.</summary>
    public FakeGraphServer ExpiredToken() =>
        Error(401, 190, 463, "OAuthException", "Error validating access token: Session has expired on Friday, 20-Nov-26 10:00:00 PST.");

    /// <summary>The next call gets a raw answer (e.g. an HTML 503 page from a proxy).</summary>
    public FakeGraphServer Raw(int httpStatus, string body, string contentType = "application/json") =>
        Enqueue(async (http, _, ct) =>
        {
            http.Response.StatusCode = httpStatus;
            http.Response.ContentType = contentType;
            await http.Response.WriteAsync(body, ct).ConfigureAwait(false);
        });

    /// <summary>The next call hangs for <paramref name="duration"/> (until the client gives up or the server stops), then succeeds.</summary>
    public FakeGraphServer Hang(TimeSpan duration) =>
        Enqueue(async (http, body, ct) =>
        {
            await Task.Delay(duration, ct).ConfigureAwait(false);
            await CreateAsync(http, body, ct).ConfigureAwait(false);
        });

    /// <summary>
    /// An outage: every send fails until <see cref="RestoreSends"/>, in turn with Graph's transient
    /// 500 (code 2), its throughput 429 (code 130429) and a proxy's HTML 503.
    /// </summary>
    public FakeGraphServer FailSends()
    {
        _sendsFailing = true;
        return this;
    }

    /// <summary>Ends the outage of <see cref="FailSends"/>: sends are accepted again.</summary>
    public void RestoreSends() => _sendsFailing = false;

    /// <summary>The sends answered 200 (the messages a customer would have received), oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Accepted => [.. _accepted];

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private FakeGraphServer Enqueue(Func<HttpContext, JsonNode?, CancellationToken, Task> step)
    {
        _steps.Enqueue(step);
        return this;
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
        var cancellationToken = aborted.Token;
        var raw = await new StreamReader(http.Request.Body, Encoding.UTF8).ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? body = null;
        try
        {
            body = string.IsNullOrWhiteSpace(raw) ? null : JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
        }

        var recorded = new RecordedRequest(
            http.Request.Method,
            http.Request.Path.Value ?? string.Empty,
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            raw,
            body,
            DateTimeOffset.UtcNow);
        _requests.Enqueue(recorded);

        var segments = (http.Request.Path.Value ?? string.Empty).Trim('/').Split('/');
        if (HttpMethods.IsPost(http.Request.Method) && segments.Length == 3 && segments[2] == "messages")
        {
            try
            {
                var send = _sendsFailing ? OutageAsync : _steps.TryDequeue(out var scripted) ? scripted : SentAsync;
                await send(http, body, cancellationToken).ConfigureAwait(false);
                if (http.Response.StatusCode == 200)
                {
                    _accepted.Enqueue(recorded);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }

            return;
        }

        if (!HttpMethods.IsPost(http.Request.Method) || segments.Length != 3 || segments[2] != "message_templates")
        {
            await WriteAsync(http, 400, new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["message"] = $"Unsupported {http.Request.Method} request {http.Request.Path}",
                    ["type"] = "GraphMethodException",
                    ["code"] = 100,
                    ["error_subcode"] = 33,
                    ["fbtrace_id"] = "FakeTrace",
                },
            }, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            var step = _steps.TryDequeue(out var next) ? next : CreateAsync;
            await step(http, body, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client gave up (a timeout under test) or the server stops.
        }
    }

    /// <summary>The messages the fake accepted (<c>POST /{version}/{phone_number_id}/messages</c>), oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Sent => [.. Requests.Where(r => r.Path.EndsWith("/messages", StringComparison.Ordinal))];

    // Meta's answer to a send (FACTS.md §2.6): accepted, with the new wamid.
    private Task SentAsync(HttpContext http, JsonNode? body, CancellationToken cancellationToken) =>
        WriteAsync(http, 200, new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = body?["to"]?.GetValue<string>(), ["wa_id"] = body?["to"]?.GetValue<string>()?.TrimStart('+') }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = "wamid.FAKE" + Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        }, cancellationToken);

    private Task OutageAsync(HttpContext http, JsonNode? body, CancellationToken cancellationToken)
    {
        switch (Interlocked.Increment(ref _failedSends) % 3)
        {
            case 0:
                return WriteAsync(http, 500, new JsonObject
                {
                    ["error"] = new JsonObject { ["message"] = "An unexpected error has occurred. Please retry your request later.", ["type"] = "OAuthException", ["is_transient"] = true, ["code"] = 2, ["fbtrace_id"] = "FakeTrace" },
                }, cancellationToken);
            case 1:
                return WriteAsync(http, 429, new JsonObject
                {
                    ["error"] = new JsonObject { ["message"] = "(#130429) Rate limit hit", ["type"] = "OAuthException", ["code"] = 130429, ["fbtrace_id"] = "FakeTrace" },
                }, cancellationToken);
            default:
                http.Response.StatusCode = 503;
                http.Response.ContentType = "text/html";
                return http.Response.WriteAsync("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>", cancellationToken);
        }
    }

    private Task CreateAsync(HttpContext http, JsonNode? body, CancellationToken cancellationToken) =>
        WriteAsync(http, 200, new JsonObject
        {
            ["id"] = Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = "PENDING",
            ["category"] = body?["category"]?.GetValue<string>()?.ToUpperInvariant() ?? "UTILITY",
        }, cancellationToken);

    private static async Task WriteAsync(HttpContext http, int status, JsonNode body, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=UTF-8";
        await http.Response.WriteAsync(body.ToJsonString(), cancellationToken).ConfigureAwait(false);
    }
}
