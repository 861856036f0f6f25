using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Server.Tests.Knowledge;
using Concierge.Server.Tests.Streaming;
using LoginApi = Concierge.Server.Accounts.LoginApi;

namespace Concierge.Server.Tests.Deployment;

/// <summary>
/// What a client sees of the shipped deployment (<see cref="DeployedConcierge"/>): turns, streams
/// and WebSockets over TLS, spread over both instances; the login limit counted across them in
/// Redis; /metrics kept off the public side; plain http sent to https; bodies over a route's limit
/// refused by nginx with the app's problem document. The kill of an instance is
/// <see cref="DeploymentFailoverTests"/>.
/// </summary>
public sealed class DeploymentTests(DeployedConcierge deployed) : IClassFixture<DeployedConcierge>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Offline_turns_over_https_and_http2_are_answered_by_both_instances_with_HSTS()
    {
        Assert.SkipWhen(deployed.Skipped, "nginx or redis-server is not installed");
        var before = await Task.WhenAll(deployed.ServedAsync(0, "/chat"), deployed.ServedAsync(1, "/chat"));
        var session = await deployed.Public.NewSessionAsync();

        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/chat")
            {
                Content = Json.Body(new JsonObject { ["message"] = $"Hello number {i}", ["session_id"] = session }.ToJsonString()),
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            using var response = await deployed.Public.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HttpVersion.Version20, response.Version);
            Assert.Contains("max-age=63072000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace((string?)(await response.ReadObjectAsync())["reply"]));
        }

        // Round robin: each instance answered some of them, on the one session both read from PostgreSQL.
        var after = await Task.WhenAll(deployed.ServedAsync(0, "/chat"), deployed.ServedAsync(1, "/chat"));
        Assert.True(after[0] > before[0] && after[1] > before[1], $"/chat served: instance 0 {before[0]}→{after[0]}, instance 1 {before[1]}→{after[1]}");
        var history = await deployed.Operator.GetJsonAsync($"/api/v1/sessions/{session}/messages?limit=200");
        var roles = history["messages"]!.AsArray().Select(m => (string?)m!["role"]).ToList();
        Assert.Equal(6, roles.Count(r => r == "user"));
        Assert.True(roles.Count(r => r == "assistant") >= 6, string.Join(",", roles));
    }

    [Fact]
    public async Task A_streamed_turn_sends_its_delta_and_done_through_nginx()
    {
        Assert.SkipWhen(deployed.Skipped, "nginx or redis-server is not installed");
        var session = await deployed.Operator.NewChatSessionAsync();

        using var response = await SseReading.PostAsync(deployed.Operator, session, "Hello, are you there?", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reading = await SseReading.OpenAsync(response, Ct);
        var events = await reading.UntilEndAsync(Ct);

        Assert.Contains(events, e => e.Name == "delta");
        Assert.Equal("done", events[^1].Name);
        Assert.False(string.IsNullOrWhiteSpace(SseReading.Text(events)));
    }

    [Fact]
    public async Task A_WebSocket_turn_passes_nginx_over_wss()
    {
        Assert.SkipWhen(deployed.Skipped, "nginx or redis-server is not installed");
        var session = await deployed.Operator.NewChatSessionAsync();
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", deployed.Operator.DefaultRequestHeaders.Authorization!.ToString());
        using var invoker = new HttpMessageInvoker(deployed.Nginx.Tls.Handler());

        await socket.ConnectAsync(deployed.Nginx.WebSocketUrl($"/api/v1/sessions/{session}/ws"), invoker, Ct);
        await socket.SendAsync("""{"type":"message","content":"Hello over the socket"}"""u8.ToArray(), WebSocketMessageType.Text, true, Ct);
        var frames = await WebSocketTests.UntilDoneAsync(socket);

        Assert.Equal("done", (string?)frames[^1]["type"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)frames[^1]["reply_message"]!["content"]));
    }

    [Fact]
    public async Task The_login_limit_is_counted_across_both_instances_in_Redis_and_its_429_passes_nginx()
    {
        Assert.SkipWhen(deployed.Skipped, "nginx or redis-server is not installed");
        var instances = deployed.Instances.Processes;

        // The windows are fixed minutes of the wall clock: twenty sign-ins that straddle a minute's end
        // start a new count halfway (an early run read 19, 18, 17, 16, 19). Start early in a minute.
        var left = TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(DateTime.UtcNow.Ticks % TimeSpan.TicksPerMinute);
        if (left < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(200), Ct);
        }

        // Twenty failed sign-ins (each a new username, so no account lockout), alternating between the
        // instances: each sees only ten, yet the one counter in Redis runs down with every request.
        for (var i = 0; i < LoginApi.RateLimitPerMinute; i++)
        {
            using var response = await LoginAsync(instances[i % 2].Http);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal((LoginApi.RateLimitPerMinute - i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("RateLimit-Remaining").Single());
        }

        foreach (var client in new[] { instances[0].Http, instances[1].Http, deployed.Public })
        {
            using var refused = await LoginAsync(client);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal("rate_limited", (string?)(await refused.ReadObjectAsync())["code"]);
        }
    }

    [Fact]
    public async Task Metrics_are_refused_through_nginx_and_scraped_from_each_instance_directly()
    {
        Assert.SkipWhen(deployed.Skipped, "nginx or redis-server is not installed");

        using var proxied = await deployed.Operator.GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, proxied.StatusCode);
        Assert.Equal("application/problem+json", proxied.Content.Headers.ContentType?.MediaType);
        Assert.Equal(403, (int)(await proxied.ReadObjectAsync())["status"]!);

        foreach (var instance in deployed.Instances.Processes)
        {
            using var direct = await instance.Http.GetAsync("/metrics", Ct);
            Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
            Assert.Contains("http_server_request_duration_seconds", await direct.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Plain_http_is_sent_to_https_except_for_ACME_challenges()
    {
        Assert.SkipWhen(deployed.Skipped, "nginx or redis-server is not installed");
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = deployed.Nginx.HttpUrl };

        using var redirect = await http.GetAsync("/session/new?lang=en", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal(new Uri("https://127.0.0.1/session/new?lang=en"), redirect.Headers.Location);

        using var posted = await http.PostAsync("/chat", Json.Body("""{"message":"hi"}"""), Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, posted.StatusCode);

        // certbot's webroot answers (here: no such token), never a redirect, so a first certificate can be issued.
        using var challenge = await http.GetAsync("/.well-known/acme-challenge/some-token", Ct);
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_routes_limit_is_refused_by_nginx_with_the_apps_problem_document()
    {
        Assert.SkipWhen(deployed.Skipped, "nginx or redis-server is not installed");
        var session = await deployed.Operator.NewChatSessionAsync();
        var large = new JsonObject { ["message"] = new string('a', 100 * 1024) }.ToJsonString();

        using var refused = await deployed.Operator.PostAsync($"/api/v1/sessions/{session}/messages", Json.Body(large), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.ReadObjectAsync();
        Assert.Equal("urn:concierge:problem:body_too_large", (string?)problem["type"]);
        Assert.Equal(413, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        Assert.Contains("proxy", (string?)problem["detail"], StringComparison.Ordinal);

        // The document upload route takes more than the API's 64 KiB: the same size passes nginx there.
        var document = new StringBuilder();
        while (document.Length < 100 * 1024)
        {
            document.Append("Opening hours are nine to five on weekdays. ");
        }

        using var uploaded = await deployed.Operator.UploadAsync("hours.txt", document.ToString(), title: "Hours");
        Assert.True(uploaded.IsSuccessStatusCode, $"upload answered {(int)uploaded.StatusCode}: {await uploaded.Content.ReadAsStringAsync(Ct)}");
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client) =>
        client.PostAsync("/api/v1/login/access-token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = $"nobody-{Guid.NewGuid():N}@example.com",
            ["password"] = "not the password",
        }), Ct);
}
