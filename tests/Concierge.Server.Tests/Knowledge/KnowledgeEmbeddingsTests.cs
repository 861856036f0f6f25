using System.Net;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Server.Tests.Knowledge;

/// <summary>Hybrid search: chunk embeddings computed by a job through /v1/embeddings, fused with BM25; a failing provider leaves BM25 alone.</summary>
public sealed class KnowledgeEmbeddingsTests : IAsyncLifetime
{
    private const string BakeryFaq = """
        # Lisbon Bakery FAQ

        ## Delivery
        We deliver birthday cakes within 48 hours to any address in Lisbon. Delivery costs 5 euros and is free above 40 euros.
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FakeOpenAiServer _model = null!;
    private ConciergeApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await FakeOpenAiServer.StartAsync();
        _app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-embeddings-0123456789",
            ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(),
            ["EMBEDDINGS_MODEL"] = "text-embedding-3-small",
            ["Concierge:Jobs:PollInterval"] = "20ms",
        });
        _client = _app.OperatorClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task Chunk_embeddings_are_computed_by_a_job_the_query_is_embedded_for_a_fused_ranking_and_a_failing_provider_leaves_the_lexical_ranking()
    {
        using var uploaded = await _client.UploadAsync("bakery.md", BakeryFaq);
        var id = (string)(await uploaded.ReadObjectAsync())["id"]!;
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);

        // The search embeds its query only once the index holds vectors, i.e. after the job stored them.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        System.Text.Json.Nodes.JsonObject results;
        do
        {
            await Task.Delay(50, Ct);
            results = await _client.GetJsonAsync("/api/v1/knowledge/search?q=birthday%20cake%20delivery");
        }
        while (!_model.Requests.Any(r => r.Path.EndsWith("/embeddings", StringComparison.Ordinal) && r.RawBody.Contains("\"birthday cake delivery\"", StringComparison.Ordinal))
            && waited.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Contains(_model.Requests, r => r.Path.EndsWith("/embeddings", StringComparison.Ordinal) && r.RawBody.Contains("48 hours", StringComparison.Ordinal));
        Assert.Contains(_model.Requests, r => r.RawBody.Contains("\"birthday cake delivery\"", StringComparison.Ordinal));
        Assert.Equal(id, (string?)results["results"]![0]!["document_id"]);

        // The provider fails: the query embedding fails and the same search ranks lexically.
        _model.FailEmbeddings = true;
        var lexical = await _client.GetJsonAsync("/api/v1/knowledge/search?q=birthday%20cake%20delivery");
        Assert.Equal(id, (string?)lexical["results"]![0]!["document_id"]);
        Assert.Contains(_app.Logs.Lines, l => l.Contains("ranks lexically", StringComparison.Ordinal));
    }
}
