using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Tenants;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Server.Tests.Safety;

/// <summary>
/// With a model configured, an ambiguous message gets the model's structured second opinion
/// (against a fake OpenAI-compatible server on loopback): it can raise the verdict, never lower a
/// clear detection, and a model failure leaves the offline verdict standing.
/// </summary>
public sealed class CrisisSecondOpinionTests : IAsyncLifetime
{
    private FakeOpenAiServer _model = null!;
    private ConciergeApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _model = await FakeOpenAiServer.StartAsync();
        _app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-safety-0123456789",
            ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(),
            ["REQUEST_TIMEOUT"] = "3",
            ["LLM_MAX_RETRIES"] = "0",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task An_ambiguous_message_the_model_calls_a_crisis_gets_the_protocol_worded_offline_and_the_call_is_logged()
    {
        _model.Reply("""{"crisis":true,"severity":"high","reason":"at a height, saying goodbye","language":"en"}""");
        var client = _app.ClientAs(Role.Customer);

        var turn = await SendAsync(client, "I'm on the bridge");

        Assert.True((bool)turn["user_message"]!["crisis"]!);
        Assert.Equal("crisis", (string?)turn["ai_message"]!["protocol"]);
        Assert.Contains("*4141", (string?)turn["ai_message"]!["content"]);
        var request = Assert.Single(_model.Requests);
        Assert.Contains("crisis_opinion", request.Body!.ToJsonString());
        var debug = await DebugAsync();
        Assert.Equal("model", (string?)debug["messages"]![0]!["safety"]!["by"]);
        Assert.Equal("model.second_opinion", (string?)debug["messages"]![0]!["safety"]!["rule"]);
        Assert.Equal(1, (int)debug["session_info"]!["total_llm_calls"]!);
    }

    [Fact]
    public async Task A_model_failure_leaves_the_offline_verdict_and_the_turn_still_answers()
    {
        _model.Status(500).Reply("Hello, how can I help?");
        var client = _app.ClientAs(Role.Customer);

        var turn = await SendAsync(client, "I'm on the bridge");

        Assert.False((bool)turn["user_message"]!["crisis"]!);
        Assert.Null(turn["ai_message"]!["protocol"]);
    }

    [Fact]
    public async Task A_clear_detection_is_not_sent_for_a_second_opinion_so_a_model_cannot_lower_it()
    {
        _model.Reply("""{"crisis":false,"severity":"none","reason":"joke","language":"es"}""");
        var client = _app.ClientAs(Role.Customer);

        var turn = await SendAsync(client, "esta noche me voy a matar");

        Assert.Equal("crisis", (string?)turn["ai_message"]!["protocol"]);
        Assert.Empty(_model.Requests);
    }

    [Fact]
    public async Task A_model_no_on_an_ambiguous_message_keeps_it_calm_and_the_model_answers_the_chat()
    {
        _model.Reply("""{"crisis":false,"severity":"none","reason":"a figure of speech","language":"es"}""").Reply("¡Qué bueno que te rías!");
        var client = _app.ClientAs(Role.Customer);

        var turn = await SendAsync(client, "me muero de la risa");

        Assert.False((bool)turn["user_message"]!["crisis"]!);
        Assert.Equal("¡Qué bueno que te rías!", (string?)turn["ai_message"]!["content"]);
        Assert.Equal(2, _model.RequestCount);
    }

    private static async Task<JsonObject> SendAsync(HttpClient client, string message)
    {
        using var response = await client.PostAsync(
            "/api/v1/chat/send", new StringContent(new JsonObject { ["message"] = message }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")), Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.ReadObjectAsync();
    }

    private async Task<JsonObject> DebugAsync()
    {
        var list = await _app.OperatorClient().GetJsonAsync("/api/v1/sessions?agent=wellbeing");
        return await _app.OperatorClient().GetJsonAsync($"/api/v1/sessions/{(string)list["sessions"]![0]!["id"]!}/debug");
    }
}
