using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeOpenAi;
using Microsoft.AspNetCore.TestHost;

namespace Concierge.Server.Tests.Streaming;

/// <summary>GET /api/v1/sessions/{id}/ws: turns over a WebSocket, the same events and auth as SSE.</summary>
public sealed class WebSocketTests : IAsyncLifetime
{
    private const string Answer = "Sockets carry the same events as streams.";

    private FakeOpenAiServer _model = null!;
    private ConciergeApp _app = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _model = await FakeOpenAiServer.StartAsync();
        _app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-stream-0123456789",
            ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(),
            ["STREAM_HEARTBEAT"] = "100ms",
            ["Concierge:Streaming:MaxFrameBytes"] = "4096",
        });
        _client = _app.OperatorClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }

    private string Token => _client.DefaultRequestHeaders.Authorization!.Parameter!;

    [Fact]
    public async Task One_socket_carries_many_turns_as_delta_and_done_frames_with_resumable_ids()
    {
        _model.Stream(new FakeStep.Stream(Answer));
        _model.Stream(new FakeStep.Stream("And a second answer."));
        var session = await _client.NewChatSessionAsync();
        using var socket = await ConnectAsync(session, authorization: "Bearer " + Token);

        await SendAsync(socket, """{"type":"message","content":"First?"}""");
        var first = await UntilDoneAsync(socket);
        Assert.Equal(Answer, string.Concat(first.Where(f => (string?)f["type"] == "delta").Select(f => (string)f["text"]!)));
        var done = first[^1];
        Assert.Equal(Answer, (string?)done["reply_message"]!["content"]);
        Assert.Equal("First?", (string?)done["user_message"]!["content"]);
        Assert.All(first, f => Assert.Matches("^[0-9a-f]{32}:[0-9]+$", (string)f["id"]!));

        await SendAsync(socket, """{"type":"message","content":"Second?"}""");
        var second = await UntilDoneAsync(socket);
        Assert.Equal("And a second answer.", (string?)second[^1]["reply_message"]!["content"]);

        var history = await _client.GetJsonAsync($"/api/v1/sessions/{session}/messages");
        Assert.Equal(4, history["messages"]!.AsArray().Count);

        // A socket's turn is an SSE stream like any other: resumable by its ids.
        using var resumed = await SseReading.ResumeAsync(_client, session, (string)first[0]["id"]!, Ct);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        using var rest = await SseReading.OpenAsync(resumed, Ct);
        var events = await rest.UntilEndAsync(Ct);
        Assert.Equal((string)done["id"]!, events[^1].Id);
    }

    [Fact]
    public async Task A_token_in_the_query_or_in_the_first_frame_authenticates_the_socket()
    {
        var session = await _client.NewChatSessionAsync();
        using (var byQuery = await ConnectAsync(session, query: "?access_token=" + Token))
        {
            await SendAsync(byQuery, """{"type":"ping"}""");
            Assert.Equal("pong", (string?)(await ReceiveAsync(byQuery))["type"]);
        }

        using var inBand = await ConnectAsync(session);
        await SendAsync(inBand, new JsonObject { ["type"] = "auth", ["token"] = Token }.ToJsonString());
        var ready = await ReceiveAsync(inBand);
        Assert.Equal("ready", (string?)ready["type"]);
        await SendAsync(inBand, """{"type":"message","content":"Hello?"}""");
        var frames = await UntilDoneAsync(inBand);
        Assert.Equal("done", (string?)frames[^1]["type"]);
    }

    [Theory]
    [InlineData("""{"type":"auth","token":"not-a-token"}""")]
    [InlineData("""{"type":"message","content":"no auth first"}""")]
    [InlineData("""{"type":"auth","token":"ck_live_0000000000000000000000000000000000000000"}""")]
    public async Task A_socket_without_valid_credentials_gets_an_unauthorized_frame_and_is_closed(string first)
    {
        var session = await _client.NewChatSessionAsync();
        using var socket = await ConnectAsync(session);
        await SendAsync(socket, first);
        var error = await ReceiveAsync(socket);
        Assert.Equal("error", (string?)error["type"]);
        Assert.Equal("unauthorized", (string?)error["code"]);
        var buffer = new byte[256];
        var close = await socket.ReceiveAsync(buffer, Ct);
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
    }

    [Fact]
    public async Task Another_tenants_session_is_refused_in_band_and_before_the_upgrade()
    {
        var session = await _client.NewChatSessionAsync();
        var stranger = _app.AdminClient((await _app.AddTenantAsync("stranger")).Id);
        var strangerToken = stranger.DefaultRequestHeaders.Authorization!.Parameter!;
        using (var socket = await ConnectAsync(session))
        {
            await SendAsync(socket, new JsonObject { ["type"] = "auth", ["token"] = strangerToken }.ToJsonString());
            Assert.Equal("session_not_found", (string?)(await ReceiveAsync(socket))["code"]);
        }

        var refused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => ConnectAsync(session, authorization: "Bearer " + strangerToken));
        Assert.Contains("404", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_frames_get_error_frames_and_the_socket_stays_open()
    {
        var session = await _client.NewChatSessionAsync();
        using var socket = await ConnectAsync(session, authorization: "Bearer " + Token);
        var cases = new (string Frame, string Code)[]
        {
            ("not json at all", "invalid_json"),
            ("[1, 2, 3]", "invalid_json"),
            ("""{"type":"message"}""", "invalid_field"),
            ("""{"type":"message","content":123}""", "invalid_field"),
            ("""{"type":"message","content":null}""", "invalid_field"),
            ("""{"type":"shout","content":"hi"}""", "invalid_field"),
            ("""{"type":42}""", "invalid_field"),
            ("""{"type":"message","content":"   "}""", "message_empty"),
            (new JsonObject { ["type"] = "message", ["content"] = new string('a', 2001) }.ToJsonString(), "message_too_long"),
            (new string('x', 10_000), "frame_too_large"),
        };
        foreach (var (frame, code) in cases)
        {
            await SendAsync(socket, frame);
            var error = await ReceiveAsync(socket);
            Assert.True((string?)error["type"] == "error" && (string?)error["code"] == code, $"{frame[..Math.Min(40, frame.Length)]}: {error.ToJsonString()}");
        }

        await socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, Ct);
        Assert.Equal("invalid_frame", (string?)(await ReceiveAsync(socket))["code"]);

        await SendAsync(socket, """{"type":"message","content":"Still there?"}""");
        Assert.Equal("done", (string?)(await UntilDoneAsync(socket))[^1]["type"]);
    }

    [Fact]
    public async Task A_plain_GET_of_the_socket_route_is_a_400_problem()
    {
        var session = await _client.NewChatSessionAsync();
        using var response = await _client.GetAsync($"/api/v1/sessions/{session}/ws", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("websocket_required", (string?)(await response.ReadObjectAsync())["code"]);
    }

    private async Task<WebSocket> ConnectAsync(string session, string query = "", string? authorization = null)
    {
        var client = _app.Server.CreateWebSocketClient();
        if (authorization is not null)
        {
            client.ConfigureRequest = r => r.Headers.Authorization = authorization;
        }

        return await client.ConnectAsync(new Uri(_app.Server.BaseAddress, $"api/v1/sessions/{session}/ws{query}").ToWs(), Ct);
    }

    private static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, Ct);

    internal static async Task<JsonObject> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, Ct);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            var frame = JsonNode.Parse(message.ToArray())!.AsObject();
            if ((string?)frame["type"] != "ping")
            {
                return frame;
            }
        }
    }

    internal static async Task<List<JsonObject>> UntilDoneAsync(WebSocket socket)
    {
        var frames = new List<JsonObject>();
        while (frames.Count == 0 || (string?)frames[^1]["type"] is not ("done" or "error"))
        {
            frames.Add(await ReceiveAsync(socket));
        }

        return frames;
    }
}

internal static class UriExtensions
{
    public static Uri ToWs(this Uri uri) => new UriBuilder(uri) { Scheme = uri.Scheme == "https" ? "wss" : "ws" }.Uri;
}
