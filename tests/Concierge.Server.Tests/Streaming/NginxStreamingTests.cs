using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeOpenAi;
using Concierge.Testing.Nginx;

namespace Concierge.Server.Tests.Streaming;

/// <summary>
/// A real nginx running deploy/nginx/concierge.conf (TLS with a test CA) in front of a real Concierge process: the
/// deployment's proxy does not hold deltas back, heartbeats keep a quiet stream past nginx's read
/// timeout, resume and WebSockets work through it.
/// </summary>
public sealed class NginxStreamingTests(NginxStreamingTests.Proxy proxy) : IClassFixture<NginxStreamingTests.Proxy>
{
    private const string Answer = "Through the proxy every word arrives as it is written.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FakeOpenAiServer Model => proxy.Model;

    private NginxServer? Nginx => proxy.Nginx;

    private HttpClient Client => proxy.Client;

    [Fact]
    public async Task The_first_delta_passes_nginx_while_the_model_is_still_writing_the_rest()
    {
        Assert.SkipWhen(Nginx is null, "nginx is not installed");
        var release = new TaskCompletionSource();
        Model.Stream(new FakeStep.Stream(Answer) { HoldAfterFirstChunk = release.Task });
        var session = await Client.NewChatSessionAsync();

        using var response = await SseReading.PostAsync(Client, session, "Does it stream?", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nginx", response.Headers.Server.ToString(), StringComparison.OrdinalIgnoreCase);
        using var reading = await SseReading.OpenAsync(response, Ct);
        var first = await reading.NextAsync(Ct);
        Assert.Equal("delta", first!.Name);
        Assert.False(release.Task.IsCompleted);

        release.SetResult();
        var events = await reading.UntilEndAsync(Ct);
        Assert.Equal("done", events[^1].Name);
        Assert.Equal(Answer, SseReading.Text([first, .. events]));
    }

    [Fact]
    public async Task Heartbeats_keep_a_stream_open_past_nginxs_read_timeout_while_the_model_thinks()
    {
        Assert.SkipWhen(Nginx is null, "nginx is not installed");
        Model.Stream(new FakeStep.Stream(Answer) { FirstChunkDelay = TimeSpan.FromSeconds(2.5) });
        var session = await Client.NewChatSessionAsync();
        var clock = Stopwatch.StartNew();

        using var response = await SseReading.PostAsync(Client, session, "Think first?", Ct);
        using var reading = await SseReading.OpenAsync(response, Ct);
        var events = await reading.UntilEndAsync(Ct);

        // 2.5 s without a delta, through a proxy that drops a connection quiet for 1 s.
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(2));
        Assert.True(reading.Pings >= 3, $"{reading.Pings} pings");
        Assert.Equal("done", events[^1].Name);
        Assert.Equal(Answer, SseReading.Text(events));
    }

    [Fact]
    public async Task A_client_that_lost_the_stream_resumes_through_nginx_with_Last_Event_ID()
    {
        Assert.SkipWhen(Nginx is null, "nginx is not installed");
        var release = new TaskCompletionSource();
        Model.Stream(new FakeStep.Stream(Answer) { HoldAfterFirstChunk = release.Task });
        var session = await Client.NewChatSessionAsync();
        SseRead first;
        using (var response = await SseReading.PostAsync(Client, session, "Resume?", Ct))
        using (var reading = await SseReading.OpenAsync(response, Ct))
        {
            first = (await reading.NextAsync(Ct))!;
        }

        using var resumed = await SseReading.ResumeAsync(Client, session, first.Id, Ct);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        using var rest = await SseReading.OpenAsync(resumed, Ct);
        release.SetResult();
        var events = await rest.UntilEndAsync(Ct);
        Assert.Equal(Answer, SseReading.Text([first, .. events]));
    }

    [Fact]
    public async Task A_WebSocket_turn_passes_nginx()
    {
        Assert.SkipWhen(Nginx is null, "nginx is not installed");
        Model.Stream(new FakeStep.Stream(Answer));
        var session = await Client.NewChatSessionAsync();
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", Client.DefaultRequestHeaders.Authorization!.ToString());
        using var invoker = new HttpMessageInvoker(Nginx!.Tls.Handler());
        await socket.ConnectAsync(Nginx.WebSocketUrl($"/api/v1/sessions/{session}/ws"), invoker, Ct);
        await socket.SendAsync("""{"type":"message","content":"Through the proxy?"}"""u8.ToArray(), WebSocketMessageType.Text, true, Ct);
        var frames = await WebSocketTests.UntilDoneAsync(socket);
        Assert.Equal(Answer, (string?)frames[^1]["reply_message"]!["content"]);
    }

    /// <summary>One fake model, one Concierge process and one nginx for the class's tests.</summary>
    public sealed class Proxy : IAsyncLifetime
    {
        private ServerProcess _server = null!;

        public FakeOpenAiServer Model { get; private set; } = null!;

        public NginxServer? Nginx { get; private set; }

        public HttpClient Client { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Model = await FakeOpenAiServer.StartAsync();
            _server = await ServerProcess.StartReadyAsync(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string>
            {
                ["OPENAI_API_KEY"] = "sk-test-stream-0123456789",
                ["OPENAI_BASE_URL"] = Model.BaseUrl.ToString(),
                ["STREAM_HEARTBEAT"] = "300ms",
            });

            // Warm the process up directly: a cold first request may take longer than the short read timeout below.
            using var direct = _server.OperatorClient();
            var warm = await direct.NewChatSessionAsync();
            using (var streamed = await SseReading.PostAsync(direct, warm, "warm up", Ct))
            using (var reading = await SseReading.OpenAsync(streamed, Ct))
            {
                await reading.UntilEndAsync(Ct);
            }

            // The deployed file as it is, but a read timeout short enough to show what the heartbeat is for.
            Nginx = await NginxServer.StartOrSkipAsync(NginxServer.ShippedSite(), [_server.Port], new Dictionary<string, string> { ["proxy_read_timeout"] = "1s" }, Ct);
            Client = Nginx?.Client() ?? new HttpClient { BaseAddress = direct.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            Client.DefaultRequestHeaders.Authorization = direct.DefaultRequestHeaders.Authorization;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            if (Nginx is not null)
            {
                await Nginx.DisposeAsync();
            }

            _server.Dispose();
            await Model.DisposeAsync();
        }
    }
}
