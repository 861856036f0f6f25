using System.Net;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Knowledge;

/// <summary>Documents in through the API, cited answers out through the support agent, on both databases.</summary>
public sealed class KnowledgeApiTests
{
    private const string BakeryFaq = """
        # Lisbon Bakery FAQ

        ## Delivery
        We deliver birthday cakes within 48 hours to any address in Lisbon. Delivery costs 5 euros and is free above 40 euros.

        ## Allergies
        Every cake can be made gluten free if you ask when you order. We cannot guarantee that a cake is free of nuts.
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task An_uploaded_document_is_searched_and_the_support_agent_answers_from_it_with_its_sources(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind));
        var client = app.OperatorClient();

        using var uploaded = await client.UploadAsync("bakery.md", BakeryFaq);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var document = await uploaded.ReadObjectAsync();
        var id = (string)document["id"]!;
        Assert.Equal(("Lisbon Bakery FAQ", "markdown", "ready"), ((string?)document["title"], (string?)document["type"], (string?)document["status"]));
        Assert.True((int)document["chunks"]! >= 1);
        Assert.Equal($"/api/v1/knowledge/documents/{id}", uploaded.Headers.Location?.ToString());

        var search = await client.GetJsonAsync("/api/v1/knowledge/search?q=cake%20delivery%20Lisbon&limit=3");
        var best = search["results"]!.AsArray()[0]!;
        Assert.Equal(id, (string?)best["document_id"]);
        Assert.True((double)best["score"]! > 0);

        var session = (string)(await client.PostJsonAsync("/api/v1/sessions", new { agent = "support" }))["id"]!;
        var turn = await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = "How long does the delivery of a birthday cake take?" });
        Assert.Equal("ANSWER", (string?)turn["action"]);
        Assert.Contains("48 hours", (string?)turn["reply"], StringComparison.Ordinal);
        Assert.Contains("[1]", (string?)turn["reply"], StringComparison.Ordinal);
        var source = turn["sources"]!.AsArray()[0]!;
        Assert.Equal((id, "Lisbon Bakery FAQ"), ((string?)source["document_id"], (string?)source["title"]));
        Assert.False(string.IsNullOrEmpty((string?)source["chunk_id"]));
        Assert.False(string.IsNullOrEmpty((string?)source["snippet"]));

        var detail = await client.GetJsonAsync($"/api/v1/knowledge/documents/{id}");
        Assert.Equal((int)document["chunks"]!, detail["chunks"]!.AsArray().Count);
        Assert.Contains(id, (await client.GetJsonAsync("/api/v1/knowledge/documents"))["documents"]!.AsArray().Select(d => (string?)d!["id"]));

        using var deleted = await client.DeleteAsync($"/api/v1/knowledge/documents/{id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync($"/api/v1/knowledge/documents/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var after = await client.GetJsonAsync("/api/v1/knowledge/search?q=birthday%20cake%20delivery");
        Assert.DoesNotContain(id, after["results"]!.AsArray().Select(r => (string?)r!["document_id"]));
    }

    [Fact]
    public async Task The_stock_support_agent_answers_from_concierges_own_faq_out_of_the_box()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();
        var session = (string)(await client.PostJsonAsync("/api/v1/sessions", new { agent = "support" }))["id"]!;

        var turn = await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = "Which files can I upload?" });

        Assert.Equal("ANSWER", (string?)turn["action"]);
        Assert.Contains("PDF", (string?)turn["reply"], StringComparison.Ordinal);
        Assert.Equal("Concierge: answering from documents", (string?)turn["sources"]![0]!["title"]);
    }

    [Fact]
    public async Task Uploading_the_same_content_twice_is_a_conflict_naming_the_existing_document()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();
        using var first = await client.UploadAsync("bakery.md", BakeryFaq);
        var id = (string)(await first.ReadObjectAsync())["id"]!;

        using var second = await client.UploadAsync("copy.md", BakeryFaq, title: "Another name");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.ReadObjectAsync();
        Assert.Equal(("document_duplicate", id), ((string?)problem["code"], (string?)problem["existing_id"]));
    }

    [Fact]
    public async Task A_curated_answer_wins_over_the_documents_and_counts_its_hits()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();
        using var created = await client.PostAsync("/api/v1/knowledge/answers", Json.Body("""{"question":"What is the deadline to ask for a refund?","answer":"You can ask for a refund within 30 days."}"""), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = (string)(await client.PostJsonAsync("/api/v1/sessions", new { agent = "support" }))["id"]!;

        var turn = await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = "refund deadline?" });

        Assert.Equal(("CURATED_ANSWER", "You can ask for a refund within 30 days."), ((string?)turn["action"], (string?)turn["reply"]));
    }

    [Fact]
    public async Task A_large_file_is_indexed_by_a_job_from_indexing_to_ready()
    {
        await using var app = new ConciergeApp(
            await TestDatabase.CreateAsync(DatabaseKind.Sqlite),
            new Dictionary<string, string?> { ["Concierge:Knowledge:InlineIndexBytes"] = "64", ["Concierge:Jobs:PollInterval"] = "20ms" });
        var client = app.OperatorClient();

        using var uploaded = await client.UploadAsync("bakery.md", BakeryFaq);
        var document = await uploaded.ReadObjectAsync();
        Assert.Equal((HttpStatusCode.Created, "indexing"), (uploaded.StatusCode, (string?)document["status"]));

        JsonObject shown;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            await Task.Delay(50, Ct);
            shown = (await client.GetJsonAsync($"/api/v1/knowledge/documents/{document["id"]}"))["document"]!.AsObject();
        }
        while ((string?)shown["status"] == "indexing" && waited.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Equal(("ready", "Lisbon Bakery FAQ"), ((string?)shown["status"], (string?)shown["title"]));
    }
}
