using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Server.Tests.Bookings;

/// <summary>Every user message gets an emotion record from a job after the turn; operators and the debug view see it.</summary>
public sealed class EmotionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Each_user_message_gets_an_emotion_record_listed_per_customer_and_shown_in_the_debug_document(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind), new Dictionary<string, string?> { ["Concierge:Jobs:PollInterval"] = "00:00:00.050" });
        var client = app.OperatorClient();

        var first = await client.PostJsonAsync("/api/ai/chat", new { message = "This is terrible, I am so frustrated with the last booking!", customer_id = "cust-mood" });
        await client.PostJsonAsync("/api/ai/chat", new { message = "Thank you so much, that is wonderful!", customer_id = "cust-mood" });

        JsonArray emotions = [];
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((emotions = (await client.GetJsonAsync("/api/v1/customers/cust-mood/emotions"))["emotions"]!.AsArray()).Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        var debug = await client.GetJsonAsync($"/session/{first["session_id"]}/debug");
        var users = debug["messages"]!.AsArray().Where(m => (string?)m!["role"] == "user").ToList();
        var assistants = debug["messages"]!.AsArray().Where(m => (string?)m!["role"] == "assistant").ToList();

        Assert.Equal(2, emotions.Count);
        Assert.Contains((string?)emotions[0]!["label"], new[] { "frustration", "anger" });
        Assert.Contains((string?)emotions[1]!["label"], new[] { "joy", "gratitude" });
        Assert.Equal("lexicon-v1", (string?)emotions[0]!["detector"]);
        Assert.All(users, m => Assert.NotNull(m!["emotion"]?["label"]));
        Assert.All(assistants, m => Assert.Null(m!["emotion"]));
        using var unknown = await client.GetAsync("/api/v1/customers/someone-else/emotions", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("""{"label":"anxiety","score":0.8}""", "anxiety", "model")]
    [InlineData("""{"label":"furious","score":2}""", "anger", "lexicon-v1")]
    [InlineData("not json at all", "anger", "lexicon-v1")]
    public async Task With_a_model_the_model_reads_the_emotion_and_an_answer_out_of_shape_leaves_it_to_the_lexicon(string answer, string label, string detector)
    {
        await using var model = await FakeOpenAiServer.StartAsync(Ct);
        // The booking turn's own calls get an unusable answer (it falls back offline); the emotion call gets the case's.
        model.DefaultReply = body => (string?)body?["response_format"]?["json_schema"]?["name"] == "emotion" ? answer : "no slots here";
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?>
        {
            ["Concierge:Jobs:PollInterval"] = "00:00:00.050",
            ["OPENAI_API_KEY"] = "sk-test-emotions-0123456789",
            ["OPENAI_BASE_URL"] = model.BaseUrl.ToString(),
            ["LLM_MAX_RETRIES"] = "0",
        });
        var client = app.OperatorClient();

        await client.PostJsonAsync("/api/ai/chat", new { message = "I am furious, nobody answered my calls about the party!", customer_id = "cust-model-mood" });
        JsonArray emotions = [];
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((emotions = (await client.GetJsonAsync("/api/v1/customers/cust-model-mood/emotions"))["emotions"]!.AsArray()).Count < 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        var reading = Assert.Single(emotions)!;
        Assert.Equal(label, (string?)reading["label"]);
        Assert.Equal(detector, (string?)reading["detector"]);
        var asked = Assert.Single(model.Requests, r => (string?)r.Body?["response_format"]?["json_schema"]?["name"] == "emotion");
        Assert.Contains("nobody answered my calls", asked.Body!.ToJsonString(), StringComparison.Ordinal);
    }
}
