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
    private LoopbackServer? _server;
    private int _ids;

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
    }
}
