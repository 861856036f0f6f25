using System.Net;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Server.Tests.Knowledge;

/// <summary>
/// Knowledge answers worded by a model (the fake OpenAI server): the model gets the retrieved
/// passages numbered and must cite them; a reply citing nothing, or a number it was not given, is
/// refused and the extractive answer is said instead.
/// </summary>
public sealed class KnowledgeModelTests : IAsyncLifetime
{
    private const string BakeryFaq = """
        # Lisbon Bakery FAQ

        ## Delivery
        We deliver birthday cakes within 48 hours to any address in Lisbon. Delivery costs 5 euros and is free above 40 euros.
        """;

    private const string Question = "How long does the delivery of a birthday cake take?";

    private FakeOpenAiServer _model = null!;
    private ConciergeApp _app = null!;
    private HttpClient _client = null!;
    private string _documentId = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await FakeOpenAiServer.StartAsync();
        _app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-knowledge-0123456789",
            ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(),
            ["OPENAI_MODEL"] = "gpt-4o-mini",
            ["LLM_RETRY_BASE_DELAY"] = "10ms",
            ["LLM_MAX_RETRY_DELAY"] = "50ms",
        });
        _client = _app.OperatorClient();
        using var uploaded = await _client.UploadAsync("bakery.md", BakeryFaq);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        _documentId = (string)(await uploaded.ReadObjectAsync())["id"]!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task A_model_reply_citing_a_retrieved_passage_is_kept_with_the_sources_it_cites()
    {
        _model.Reply("A birthday cake arrives within 48 hours anywhere in Lisbon [1].");

        var turn = await AskAsync();

        Assert.Equal(("model", "A birthday cake arrives within 48 hours anywhere in Lisbon [1].\n\nSources: [1] Lisbon Bakery FAQ"), ((string?)turn["source"], (string?)turn["reply"]));
        var source = Assert.Single(turn["sources"]!.AsArray())!;
        Assert.Equal(_documentId, (string?)source["document_id"]);
        var prompt = (string)_model.Requests[^1].Body!["messages"]![0]!["content"]!;
        Assert.Contains("[1] Lisbon Bakery FAQ", prompt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cakes arrive the same day, guaranteed.")]
    [InlineData("Cakes arrive the same day [9].")]
    public async Task A_model_reply_citing_nothing_or_a_source_it_was_not_given_is_replaced_by_the_extractive_answer(string invented)
    {
        _model.Reply(invented);

        var turn = await AskAsync();

        Assert.Equal("fallback", (string?)turn["source"]);
        Assert.Contains("48 hours", (string?)turn["reply"], StringComparison.Ordinal);
        Assert.Contains("[1]", (string?)turn["reply"], StringComparison.Ordinal);
        Assert.Equal(_documentId, (string?)turn["sources"]![0]!["document_id"]);
        Assert.Contains(_app.Logs.Lines, l => l.Contains("model reply refused", StringComparison.Ordinal));
    }

    private async Task<System.Text.Json.Nodes.JsonObject> AskAsync()
    {
        var session = (string)(await _client.PostJsonAsync("/api/v1/sessions", new { agent = "support" }))["id"]!;
        return await _client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = Question });
    }
}
