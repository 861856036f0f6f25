using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Knowledge.Answers;
using Concierge.Knowledge.Library;
using Concierge.Skills.Knowledge;
using Concierge.Testing.InMemory;
using Concierge.Tests.Conversations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concierge.Tests.Skills.Knowledge;

/// <summary>
/// A knowledge answer the model words (the scripted model), through the real turn pipeline: the
/// server, not the model, appends the numbered list of the sources the reply cited, streamed as the
/// reply's last piece, and the turn's sources are those same passages.
/// </summary>
public sealed class KnowledgeModelTests
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

    private readonly SeededKnowledgeStore _store = new(DemoTenant.TenantId, ("bakery.md", Bakery), ("cakes.md", CakeShop));

    [Fact]
    public async Task The_model_worded_reply_ends_with_only_the_sources_it_cited_under_their_original_numbers_and_streams_them_last()
    {
        var passages = await RetrieveAsync(Question);
        Assert.True(passages.Count >= 2, "the question should retrieve both documents");
        var cited = passages.Count;
        var words = $"A birthday cake from {passages[cited - 1].Title} arrives in the time given there [{cited}].";
        var model = new ScriptedLanguageModel().ThenStream(false, words[..10], words[10..]);
        var harness = new PipelineHarness(model, extra: Skill());
        var listening = new StreamedText();

        var result = await harness.SayAsync(await harness.StartAsync(DemoTenant.Support), Question, listening);

        Assert.Equal(TurnSource.Model, result.Source);
        Assert.Equal($"{words}\n\nSources: [{cited}] {passages[cited - 1].Title}", result.Reply.Content);
        Assert.Equal(result.Reply.Content, listening.Text);
        Assert.Equal($"\n\nSources: [{cited}] {passages[cited - 1].Title}", listening.Deltas[^1]);
        Assert.Equal(new[] { passages[cited - 1].ChunkId }, result.Decision.Sources.Select(s => s.ChunkId));
        Assert.DoesNotContain(passages[0].Title, result.Reply.Content[words.Length..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_reply_that_cites_nothing_is_replaced_by_the_extractive_answer_with_its_one_source_list()
    {
        var model = new ScriptedLanguageModel().ThenStream(false, "Cakes arrive ", "the same day, guaranteed.");
        var harness = new PipelineHarness(model, extra: Skill());
        var listening = new StreamedText();

        var result = await harness.SayAsync(await harness.StartAsync(DemoTenant.Support), Question, listening);

        Assert.Equal(TurnSource.Fallback, result.Source);
        Assert.DoesNotContain("same day", result.Reply.Content, StringComparison.Ordinal);
        Assert.Equal(2, result.Reply.Content.Split("Sources:").Length);
        Assert.Equal(result.Reply.Content, listening.Text);
        Assert.NotEmpty(result.Decision.Sources);
    }

    [Theory]
    [InlineData("en", "\n\nSources: [2] Returns policy")]
    [InlineData("es", "\n\nFuentes: [2] Returns policy")]
    [InlineData("pt", "\n\nFontes: [2] Returns policy")]
    public void The_source_list_is_headed_in_the_reply_language_and_keeps_the_number_the_reply_cites(string language, string footer)
    {
        var check = KnowledgeCitations.Check("Refunds take 14 days [2].", Passages(("Shipping", "Shipping > Times"), ("Returns policy", "Returns policy")), language);

        Assert.False(check.IsRefused);
        Assert.Equal(footer, check.Footer);
        Assert.Equal(new[] { "c2" }, check.Sources.Select(s => s.ChunkId));
    }

    [Fact]
    public void Two_cited_sections_of_one_document_are_told_apart_and_listed_in_number_order()
    {
        var passages = Passages(("Billing FAQ", "Billing FAQ > Payments > Notices"), ("Shipping", "Shipping"), ("Billing FAQ", "Billing FAQ > Payments > Retries"));

        var check = KnowledgeCitations.Check("We retry twice [3] and email you first [1]; we retry again [3].", passages, "en");

        Assert.Equal("\n\nSources: [1] Billing FAQ (Payments > Notices); [3] Billing FAQ (Payments > Retries)", check.Footer);
        Assert.Equal(new[] { "c1", "c3" }, check.Sources.Select(s => s.ChunkId));
    }

    [Theory]
    [InlineData("Refunds take 14 days.")]
    [InlineData("Refunds take 14 days [4].")]
    public void A_refused_reply_gets_no_source_list(string reply)
    {
        var check = KnowledgeCitations.Check(reply, Passages(("Shipping", "Shipping"), ("Returns policy", "Returns policy")), "en");

        Assert.True(check.IsRefused);
        Assert.Null(check.Footer);
    }

    private KnowledgeSkill Skill() => new(new KnowledgeSearch(_store, [], NullLogger<KnowledgeSearch>.Instance), _store);

    // The search the skill runs: the question analysed in its guessed language, the top 5.
    private async Task<IReadOnlyList<RankedPassage>> RetrieveAsync(string question) =>
        await new KnowledgeSearch(_store, [], NullLogger<KnowledgeSearch>.Instance)
            .SearchAsync(DemoTenant.TenantId, question, 5, DemoTenant.Support.Key, global::Concierge.Knowledge.Analysis.TextAnalysis.GuessLanguage(question));

    private static List<RankedPassage> Passages(params (string Title, string HeadingPath)[] passages) =>
        [.. passages.Select((p, i) => new RankedPassage($"d{i + 1}", p.Title, $"c{i + 1}", $"Text of passage {i + 1}.", 1.0 / (i + 1), p.HeadingPath))];

    private sealed class StreamedText : ITurnObserver
    {
        public List<string> Deltas { get; } = [];

        public string Text => string.Concat(Deltas);

        public ValueTask OnDeltaAsync(string text)
        {
            Deltas.Add(text);
            return ValueTask.CompletedTask;
        }

        public ValueTask OnRestartAsync()
        {
            Deltas.Clear();
            return ValueTask.CompletedTask;
        }
    }
}
