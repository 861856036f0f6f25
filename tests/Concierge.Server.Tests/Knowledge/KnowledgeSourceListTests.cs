using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Concierge.Agents;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Server.Tests.Streaming;
using Concierge.Testing.FakeOpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Knowledge;

/// <summary>
/// A model-worded knowledge reply ends with the numbered list of the sources it cited, written by
/// the server: through the native route (JSON and SSE) and the seed-000 <c>/chat</c> route, with the
/// fake OpenAI server citing the last passage it was given, so the number kept is not [1].
/// </summary>
public sealed partial class KnowledgeSourceListTests : IAsyncLifetime
{
    private const string Bakery = """
        # Lisbon Bakery FAQ

        ## Delivery
        We deliver birthday cakes within 48 hours to any address in Lisbon. Delivery costs 5 euros and is free above 40 euros.
        """;

    private const string CakeShop = """
        # Porto Cake Shop

        ## Delivery times
        A birthday cake ordered from Porto takes three days to be delivered, and a wedding cake a week.
        """;

    private const string Question = "How long does the delivery of a birthday cake take?";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FakeOpenAiServer _model = null!;
    private ConciergeApp _app = null!;
    private HttpClient _operator = null!;
    private string _supportKey = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await FakeOpenAiServer.StartAsync();
        _model.DefaultReply = CiteTheLastPassage;
        _app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-knowledge-0123456789",
            ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(),
            ["OPENAI_MODEL"] = "gpt-4o-mini",
        });
        var tenant = await _app.AddTenantAsync("bakeries");
        _operator = _app.OperatorClient(tenant.Id);
        foreach (var (name, text) in new[] { ("bakery.md", Bakery), ("cakes.md", CakeShop) })
        {
            using var uploaded = await _operator.UploadAsync(name, text);
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        }

        _supportKey = (await _app.Services.GetRequiredService<IAgentCatalog>().FindByKeyAsync(tenant.Id, "support", Ct))!.PublicKey!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task The_native_reply_ends_with_only_the_cited_source_under_its_original_number_and_the_json_sources_match()
    {
        var turn = await _operator.PostJsonAsync($"/api/v1/sessions/{await NewSupportSessionAsync()}/messages", new { message = Question });

        var (number, title, words) = LastCitation();
        Assert.True(number >= 2, "the model should have been given both documents");
        Assert.Equal("model", (string?)turn["source"]);
        Assert.Equal($"{words}\n\nSources: [{number}] {title}", (string?)turn["reply"]);
        var source = Assert.Single(turn["sources"]!.AsArray())!;
        Assert.Equal(title, (string?)source["title"]);
    }

    [Fact]
    public async Task The_streamed_deltas_add_up_to_the_committed_reply_with_the_source_list_as_the_last_delta()
    {
        using var response = await SseReading.PostAsync(_operator, await NewSupportSessionAsync(), Question, Ct);
        using var reading = await SseReading.OpenAsync(response, Ct);
        var events = await reading.UntilEndAsync(Ct);

        var (number, title, _) = LastCitation();
        var done = events[^1];
        Assert.Equal("done", done.Name);
        Assert.Equal((string?)done.Data["reply"], SseReading.Text(events));
        Assert.Equal($"\n\nSources: [{number}] {title}", (string?)events.Last(e => e.Name == "delta").Data["text"]);
        Assert.Equal(title, (string?)Assert.Single(done.Data["sources"]!.AsArray())!["title"]);
    }

    [Fact]
    public async Task The_seed_chat_route_carries_the_same_source_list_and_sources()
    {
        var client = _app.Client();
        client.DefaultRequestHeaders.Add("X-Agent-Key", _supportKey);

        var chat = await client.PostJsonAsync("/chat", new { message = Question });

        var (number, title, words) = LastCitation();
        Assert.Equal($"{words}\n\nSources: [{number}] {title}", (string?)chat["reply"]);
        Assert.Equal(title, (string?)Assert.Single(chat["sources"]!.AsArray())!["title"]);
    }

    private async Task<string> NewSupportSessionAsync() =>
        (string)(await _operator.PostJsonAsync("/api/v1/sessions", new { agent = "support" }))["id"]!;

    // What the fake model cited in its last reply: the last numbered passage of its prompt.
    private (int Number, string Title, string Words) LastCitation()
    {
        var prompt = (string)_model.Requests[^1].Body!["messages"]![0]!["content"]!;
        var last = PassageLine().Matches(prompt)[^1];
        var number = int.Parse(last.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (number, last.Groups[2].Value, Words(number));
    }

    private static string CiteTheLastPassage(JsonNode? body)
    {
        var prompt = (string?)body?["messages"]?[0]?["content"] ?? string.Empty;
        var passages = PassageLine().Matches(prompt);
        return passages.Count == 0 ? "No sources." : Words(int.Parse(passages[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Words(int number) => $"The cake arrives in the time that source gives [{number}].";

    // "[2] Porto Cake Shop (Porto Cake Shop > Delivery times)": the number and the title.
    [GeneratedRegex(@"^\[(\d+)\] (.+?)(?: \(.*\))?\r?$", RegexOptions.Multiline)]
    private static partial Regex PassageLine();
}
