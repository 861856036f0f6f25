using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Server.Tests.Models;

/// <summary>
/// Turns with a language model, through the production SDK path against a fake OpenAI-compatible
/// server on loopback: answers, call logs in the debug document, fallback, the circuit, the key.
/// </summary>
public sealed class ModelTurnTests : IAsyncLifetime
{
    private const string ApiKey = "sk-test-CONCIERGE-secret-0123456789abcdef";
    private FakeOpenAiServer _model = null!;
    private ConciergeApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await FakeOpenAiServer.StartAsync();
        _app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = ApiKey,
            ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(),
            ["OPENAI_MODEL"] = "gpt-4o-mini",
            ["REQUEST_TIMEOUT"] = "3",
            ["LLM_RETRY_BASE_DELAY"] = "10ms",
            ["LLM_MAX_RETRY_DELAY"] = "50ms",
            ["LLM_CIRCUIT_MINIMUM_THROUGHPUT"] = "4",
            ["LLM_CIRCUIT_BREAK_DURATION"] = "30s",
        });
        _client = _app.OperatorClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task The_model_answers_and_the_debug_document_shows_the_call()
    {
        _model.Reply("Hello from the model.", promptTokens: 42, completionTokens: 7);
        var id = await _client.NewChatSessionAsync();

        var reply = await _client.PostJsonAsync("/chat", new { message = "Hi there", session_id = id });
        var debug = await _client.GetJsonAsync($"/session/{id}/debug");
        var health = await _client.GetJsonAsync("/health");

        Assert.Equal("Hello from the model.", (string?)reply["reply"]);
        Assert.Equal("gpt-4o-mini", (string?)health["model"]);
        Assert.Equal(1, (int)debug["session_info"]!["total_llm_calls"]!);
        var logs = debug["llm_logs"]!.AsArray();
        Assert.Equal(["request", "response"], logs.Select(l => (string)l!["direction"]!));
        Assert.All(logs, l => Assert.Equal("gpt-4o-mini", (string?)l!["model"]));
        var sent = logs[0]!["payload"]!["messages"]!.AsArray();
        Assert.Equal("system", (string?)sent[0]!["role"]);
        Assert.Equal("Hi there", (string?)sent[^1]!["content"]);
        Assert.Equal(42, (int)logs[1]!["input_tokens"]!);
        Assert.Equal(7, (int)logs[1]!["output_tokens"]!);
        Assert.Equal("ok", (string?)logs[1]!["outcome"]);
        Assert.True((long)logs[1]!["latency_ms"]! >= 0);
        Assert.Equal("Hello from the model.", (string?)logs[1]!["payload"]!["choices"]![0]!["message"]!["content"]);
    }

    [Fact]
    public async Task A_turn_reports_the_time_it_waited_on_the_model()
    {
        _model.Latency(TimeSpan.FromMilliseconds(300)).Reply("slow answer");
        var id = await _client.NewChatSessionAsync();

        using var response = await _client.PostAsync($"/api/v1/sessions/{id}/messages", Json.Body("""{"message":"hi"}"""));
        var timing = response.Headers.GetValues("Server-Timing").Single();

        Assert.Matches(@"^model;dur=\d+$", timing);
        Assert.InRange(int.Parse(timing["model;dur=".Length..], System.Globalization.CultureInfo.InvariantCulture), 300, 5000);
    }

    [Fact]
    public async Task The_model_sees_the_conversation_so_far()
    {
        var id = await _client.NewChatSessionAsync();
        await _client.PostJsonAsync("/chat", new { message = "My name is Ada", session_id = id });
        await _client.PostJsonAsync("/chat", new { message = "What is my name?", session_id = id });

        var last = _model.Requests[^1].Body!["messages"]!.AsArray().Select(m => (string)m!["content"]!).ToList();

        Assert.Equal(["My name is Ada", "Fake answer to: My name is Ada", "What is my name?"], last.Skip(1));
    }

    [Fact]
    public async Task When_the_model_fails_the_turn_still_answers_offline_and_the_log_says_why()
    {
        _model.Status(500).Status(500).Status(500);
        var id = await _client.NewChatSessionAsync();

        var turn = await _client.PostJsonAsync($"/api/v1/sessions/{id}/messages", new { message = "Which database do you use?" });
        var debug = await _client.GetJsonAsync($"/session/{id}/debug");

        Assert.Equal("fallback", (string?)turn["source"]);
        Assert.Contains("SQLite", (string?)turn["reply"]);
        var responses = debug["llm_logs"]!.AsArray().Where(l => (string?)l!["direction"] == "response").ToList();
        Assert.Equal(3, responses.Count);
        Assert.All(responses, r => Assert.Equal("http_500", (string?)r!["outcome"]));
        Assert.Contains(_app.Logs.Lines, l => l.Contains("offline interpreter answers this turn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_that_hangs_past_the_timeout_falls_back()
    {
        _model.Hang(TimeSpan.FromSeconds(10)).Hang(TimeSpan.FromSeconds(10)).Hang(TimeSpan.FromSeconds(10));
        var id = await _client.NewChatSessionAsync();

        var turn = await _client.PostJsonAsync($"/api/v1/sessions/{id}/messages", new { message = "hello" });
        var debug = await _client.GetJsonAsync($"/session/{id}/debug");

        Assert.Equal("fallback", (string?)turn["source"]);
        Assert.Contains(debug["llm_logs"]!.AsArray(), l => (string?)l!["outcome"] == "timeout");
    }

    [Fact]
    public async Task A_malformed_answer_falls_back_without_retrying()
    {
        _model.Malformed();
        var id = await _client.NewChatSessionAsync();

        var turn = await _client.PostJsonAsync($"/api/v1/sessions/{id}/messages", new { message = "hello" });

        Assert.Equal("fallback", (string?)turn["source"]);
        Assert.Equal(1, _model.RequestCount);
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_the_model_is_not_called()
    {
        for (var i = 0; i < 6; i++)
        {
            _model.Status(503);
        }

        var id = await _client.NewChatSessionAsync();
        await _client.PostJsonAsync("/chat", new { message = "one", session_id = id });
        await _client.PostJsonAsync("/chat", new { message = "two", session_id = id });
        var callsBefore = _model.RequestCount;

        var turn = await _client.PostJsonAsync($"/api/v1/sessions/{id}/messages", new { message = "three" });
        var debug = await _client.GetJsonAsync($"/session/{id}/debug");

        Assert.Equal(callsBefore, _model.RequestCount);
        Assert.Equal("fallback", (string?)turn["source"]);
        Assert.Equal("circuit_open", (string?)debug["llm_logs"]!.AsArray()[^1]!["outcome"]);
    }

    [Fact]
    public async Task The_api_key_reaches_the_provider_and_appears_nowhere_else()
    {
        _model.Status(401, body: $$$"""{"error":{"message":"Incorrect API key provided: {{{ApiKey}}}","type":"invalid_request_error"}}""");
        var id = await _client.NewChatSessionAsync();
        await _client.PostJsonAsync("/chat", new { message = "hi", session_id = id });
        await _client.PostJsonAsync("/chat", new { message = "again", session_id = id });

        var everything = string.Join('\n',
            (await _client.GetJsonAsync($"/session/{id}/debug")).ToJsonString(),
            (await _client.GetJsonAsync($"/session/{id}")).ToJsonString(),
            (await _client.GetJsonAsync("/health")).ToJsonString(),
            string.Join('\n', _app.Logs.Lines));

        Assert.Equal($"Bearer {ApiKey}", _model.Requests[0].Header("Authorization"));
        Assert.DoesNotContain(ApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", everything, StringComparison.Ordinal);
    }
}
