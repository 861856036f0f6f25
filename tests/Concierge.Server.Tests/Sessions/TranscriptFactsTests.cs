using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Sessions;

/// <summary>What the console's transcript and debug view show beyond the messages: each turn's facts, and the session's jobs.</summary>
public sealed class TranscriptFactsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Each_reply_in_the_transcript_carries_its_turns_action_source_and_duration(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind));
        var client = app.OperatorClient();
        var id = await client.NewChatSessionAsync();
        var first = await SendAsync(client, id, "What is Concierge?");
        await SendAsync(client, id, "Which database do you use?");

        var messages = (await client.GetJsonAsync($"/api/v1/sessions/{id}/messages"))["messages"]!.AsArray();
        var secondPage = (await client.GetJsonAsync($"/api/v1/sessions/{id}/messages?after=3"))["messages"]!.AsArray();

        Assert.Equal(["user", "assistant", "user", "assistant"], messages.Select(m => (string)m!["role"]!));
        Assert.All(messages.Where(m => (string?)m!["role"] == "user"), m => Assert.False(m!.AsObject().ContainsKey("turn")));
        foreach (var reply in messages.Where(m => (string?)m!["role"] == "assistant"))
        {
            var turn = reply!["turn"]!;
            Assert.Equal("offline", (string?)turn["source"]);
            Assert.False(string.IsNullOrEmpty((string?)turn["action"]));
            Assert.InRange((long)turn["duration_ms"]!, 0, 60_000);
        }

        Assert.Equal((string?)first["action"], (string?)messages[1]!["turn"]!["action"]);
        Assert.Equal((string?)messages[3]!["turn"]!["action"], (string?)secondPage.Single()!["turn"]!["action"]);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task The_debug_view_lists_the_jobs_the_sessions_turns_asked_for(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind));
        var staff = app.OperatorClient();
        // The hibachi agent reads the emotion of every user message, by a job its turn enqueues.
        var id = (string)(await staff.PostJsonAsync("/api/v1/sessions", new { agent = "hibachi" }))["id"]!;
        var quiet = (string)(await staff.PostJsonAsync("/api/v1/sessions", new { agent = "hibachi" }))["id"]!;
        await SendAsync(staff, id, "Hi, I'd like to book a hibachi");
        await SendAsync(staff, id, "Great, thanks so much!");

        var debug = await staff.GetJsonAsync($"/api/v1/sessions/{id}/debug");
        var quietDebug = await staff.GetJsonAsync($"/api/v1/sessions/{quiet}/debug");

        var jobs = debug["jobs"]!.AsArray();
        Assert.Equal(2, jobs.Count);
        foreach (var job in jobs)
        {
            Assert.Equal(["id", "kind", "state", "attempts", "created_at", "due_at", "last_error"], job!.AsObject().Select(p => p.Key));
            Assert.Equal("emotion.detect", (string?)job["kind"]);
            Assert.Contains((string?)job["state"], new[] { "queued", "running", "done" });
            Assert.True(Guid.TryParse((string?)job["id"], out _));
            Assert.True(DateTimeOffset.TryParse((string?)job["due_at"], out _));
        }

        Assert.True(DateTimeOffset.Parse((string)jobs[0]!["created_at"]!) <= DateTimeOffset.Parse((string)jobs[1]!["created_at"]!));
        Assert.Empty(quietDebug["jobs"]!.AsArray());
    }

    private static async Task<JsonObject> SendAsync(HttpClient client, string session, string message)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/sessions/{session}/messages", new { message }, Ct);
        response.EnsureSuccessStatusCode();
        return await response.ReadObjectAsync();
    }
}
