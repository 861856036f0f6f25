using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Server.Tests.Streaming;

/// <summary>POST /api/v1/sessions/{id}/messages with Accept: text/event-stream streams the turn.</summary>
public sealed class SseTests : IAsyncLifetime
{
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
        });
        _client = _app.OperatorClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task An_unknown_session_asked_for_a_stream_gets_a_404_problem_not_an_empty_500()
    {
        using var response = await SendAsync("01a23469-abc7-77b6-a5ef-a743856ffb0f", "hello");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("session_not_found", (string?)problem["code"]);
        Assert.NotNull(problem["request_id"]);
    }

    [Fact]
    public async Task The_model_reply_streams_as_delta_events_with_ids_then_done_with_the_committed_turn()
    {
        var release = new TaskCompletionSource();
        _model.Stream(new FakeStep.Stream("Concierge keeps every conversation.") { HoldAfterFirstChunk = release.Task });
        var session = await StartAssistantSessionAsync();

        using var response = await SendAsync(session, "What does it keep?");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no", response.Headers.GetValues("X-Accel-Buffering").Single());
        Assert.True(response.Headers.CacheControl?.NoCache);
        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        using var reader = new StreamReader(body, Encoding.UTF8);

        // The first piece arrives while the model is still held: streamed, not buffered.
        var first = await ReadEventAsync(reader);
        Assert.Equal("delta", first.Name);
        Assert.False(release.Task.IsCompleted);
        release.SetResult();
        var events = new List<SseRead> { first };
        while (events[^1].Name is not ("done" or "error"))
        {
            events.Add(await ReadEventAsync(reader));
        }

        var done = events[^1];
        Assert.Equal("done", done.Name);
        var text = string.Concat(events.Where(e => e.Name == "delta").Select(e => (string)e.Data["text"]!));
        Assert.Equal("Concierge keeps every conversation.", text);
        Assert.Equal(text, (string?)done.Data["reply_message"]!["content"]);
        Assert.Equal("model", (string?)done.Data["source"]);
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        var history = await _client.GetJsonAsync($"/api/v1/sessions/{session}/messages");
        Assert.Equal(text, (string?)history["messages"]![1]!["content"]);
    }

    [Fact]
    public async Task A_client_that_leaves_mid_stream_does_not_lose_the_turn()
    {
        var release = new TaskCompletionSource();
        _model.Stream(new FakeStep.Stream("The whole answer is kept.") { HoldAfterFirstChunk = release.Task });
        var session = await StartAssistantSessionAsync();

        using (var response = await SendAsync(session, "Do you keep it?"))
        {
            await using var body = await response.Content.ReadAsStreamAsync(Ct);
            using var reader = new StreamReader(body, Encoding.UTF8);
            Assert.Equal("delta", (await ReadEventAsync(reader)).Name);
        }

        release.SetResult();
        await Eventually(async () =>
        {
            var history = await _client.GetJsonAsync($"/api/v1/sessions/{session}/messages");
            return history["messages"]!.AsArray().Count == 2
                && (string?)history["messages"]![1]!["content"] == "The whole answer is kept.";
        });
    }

    private async Task<string> StartAssistantSessionAsync()
    {
        var session = await _client.PostJsonAsync("/api/v1/sessions", new { agent = "assistant" });
        return (string)session["id"]!;
    }

    private Task<HttpResponseMessage> SendAsync(string session, string message)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{session}/messages")
        {
            Content = new StringContent(new JsonObject { ["message"] = message }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        return _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
    }

    private static async Task<SseRead> ReadEventAsync(StreamReader reader)
    {
        string? name = null, id = null, data = null;
        while (await reader.ReadLineAsync(Ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    return new SseRead(name, id, JsonNode.Parse(data)!);
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            var (field, value) = line.IndexOf(':') is var at and > 0 ? (line[..at], line[(at + 1)..].TrimStart()) : (line, string.Empty);
            switch (field)
            {
                case "event": name = value; break;
                case "id": id = value; break;
                case "data": data = value; break;
            }
        }

        throw new InvalidOperationException("The stream ended before the event did.");
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(50, Ct);
        }
    }

    private sealed record SseRead(string? Name, string? Id, JsonNode Data);
}
