using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Concierge.Testing.FakeTwilio;

/// <summary>
/// Twilio's REST API on loopback, the part Concierge calls: <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>
/// (form-encoded, HTTP Basic). Answers a FIFO script, else accepts with <c>{"sid":"SM...","status":"queued"}</c>.
/// Every request is recorded with its form. Thread-safe.
/// </summary>
public sealed class FakeTwilioServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<(int Status, JsonObject Body)> _steps = new();
    private readonly ConcurrentQueue<(string Path, string? Authorization, IReadOnlyDictionary<string, string> Form)> _requests = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _accepted = new();
    private LoopbackServer? _server;
    private int _ids;
    private int _failedSends;
    private volatile bool _sendsFailing;

    private FakeTwilioServer()
    {
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<(string Path, string? Authorization, IReadOnlyDictionary<string, string> Form)> Requests => _requests.ToArray();

    public static async Task<FakeTwilioServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new FakeTwilioServer();
        server._server = await LoopbackServer.StartAsync(server.HandleAsync, cancellationToken).ConfigureAwait(false);
        server.BaseUrl = server._server.Address;
        return server;
    }

    /// <summary>The next call fails with Twilio's error shape, e.g. 63016 "outside the allowed window".</summary>
    public FakeTwilioServer Error(int httpStatus, int code, string message)
    {
        _steps.Enqueue((httpStatus, new JsonObject { ["code"] = code, ["message"] = message, ["more_info"] = $"https://www.twilio.com/docs/errors/{code}", ["status"] = httpStatus }));
        return this;
    }

    /// <summary>
    /// An outage: every send fails until <see cref="RestoreSends"/>, in turn with Twilio's 500
    /// (code 20500), its 429 (code 20429, too many requests) and a proxy's HTML 503.
    /// </summary>
    public FakeTwilioServer FailSends()
    {
        _sendsFailing = true;
        return this;
    }

    /// <summary>Ends the outage of <see cref="FailSends"/>: sends are accepted again.</summary>
    public void RestoreSends() => _sendsFailing = false;

    /// <summary>The forms of the sends answered 201 (the messages a customer would have received), oldest first.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Accepted => [.. _accepted];

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        var form = http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false)).ToDictionary(f => f.Key, f => f.Value.ToString())
            : [];
        _requests.Enqueue((http.Request.Path.Value ?? string.Empty, http.Request.Headers.Authorization.ToString(), form));
        if (_sendsFailing)
        {
            await OutageAsync(http).ConfigureAwait(false);
            return;
        }

        var (status, body) = _steps.TryDequeue(out var step)
            ? step
            : (201, new JsonObject
            {
                ["sid"] = "SM" + Interlocked.Increment(ref _ids).ToString("D32", System.Globalization.CultureInfo.InvariantCulture),
                ["status"] = "queued",
                ["to"] = form.GetValueOrDefault("To"),
                ["from"] = form.GetValueOrDefault("From"),
                ["body"] = form.GetValueOrDefault("Body"),
            });
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted).ConfigureAwait(false);
        if (status == 201)
        {
            _accepted.Enqueue(form);
        }
    }

    private Task OutageAsync(HttpContext http)
    {
        var (status, contentType, body) = (Interlocked.Increment(ref _failedSends) % 3) switch
        {
            0 => (500, "application/json", """{"code":20500,"message":"An internal server error has occurred","more_info":"https://www.twilio.com/docs/errors/20500","status":500}"""),
            1 => (429, "application/json", """{"code":20429,"message":"Too Many Requests","more_info":"https://www.twilio.com/docs/errors/20429","status":429}"""),
            _ => (503, "text/html", "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>"),
        };
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        return http.Response.WriteAsync(body, http.RequestAborted);
    }
}
