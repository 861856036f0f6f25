using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;

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
}
