using System.Net;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Sessions;

/// <summary>Every session route, both families, on a real database of each kind.</summary>
public abstract class SessionRoutesTests(DatabaseKind kind)
{
    private async Task<ConciergeApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null) =>
        new(await TestDatabase.CreateAsync(kind), settings) { Clock = clock };

    [Fact]
    public async Task A_turn_that_offers_choices_carries_them_and_sending_a_choice_id_answers_it()
    {
        await using var app = await StartAsync();
        var client = app.OperatorClient();
        var id = (string)(await client.PostJsonAsync("/api/v1/sessions", new { agent = "hibachi" }))["id"]!;

        var greeting = await client.PostJsonAsync($"/api/v1/sessions/{id}/messages", new { message = "Hi, I'd like to book a hibachi" });
        var confirm = await client.PostJsonAsync($"/api/v1/sessions/{id}/messages", new { message = "6 people tomorrow at 7pm, I'm Ana Rojas, +1 212 555 0143" });
        var choices = confirm["choices"]!.AsArray();
        var booked = await client.PostJsonAsync($"/api/v1/sessions/{id}/messages", new { message = (string)choices[0]!["id"]! });

        Assert.Null(greeting["choices"]);
        Assert.Equal("CONFIRM", (string?)confirm["action"]);
        Assert.Equal(["yes", "no"], choices.Select(c => (string)c!["id"]!));
        Assert.Equal(["Yes", "No"], choices.Select(c => (string)c!["title"]!));
        Assert.Equal("BOOKED", (string?)booked["action"]);
        Assert.Null(booked["choices"]);
    }

    [Fact]
    public async Task Chat_answers_from_the_agent_and_keeps_the_history_in_order()
    {
        await using var app = await StartAsync();
        var client = app.OperatorClient();
        var id = await client.NewChatSessionAsync();

        var first = await client.PostJsonAsync("/chat", new { message = "Which database do you use?", session_id = id });
        await client.PostJsonAsync("/chat", new { message = "What is Concierge?", session_id = id });
        var history = await client.GetJsonAsync($"/session/{id}");

        Assert.Equal(id, (string?)first["session_id"]);
        Assert.Contains("SQLite", (string?)first["reply"]);
        Assert.Equal("ANSWER", (string?)first["action"]);
        Assert.Empty(first["missing"]!.AsArray());
        Assert.True(first.ContainsKey("draft") && first.ContainsKey("final_creation_payload"));

        var messages = history["messages"]!.AsArray();
        Assert.Equal(["user", "assistant", "user", "assistant"], messages.Select(m => (string)m!["role"]!));
        Assert.Equal("Which database do you use?", (string?)messages[0]!["content"]);
        Assert.Equal("What is Concierge?", (string?)messages[2]!["content"]);
        Assert.All(messages, m => Assert.True(DateTimeOffset.TryParse((string?)m!["created_at"], out _)));
        Assert.Equal("ANSWER", (string?)history["last_action"]);
        Assert.True(history.ContainsKey("current_draft"));
    }

    [Fact]
    public async Task Chat_without_a_session_id_starts_a_session()
    {
        await using var app = await StartAsync();
        var client = app.OperatorClient();

        var reply = await client.PostJsonAsync("/chat", new { message = "hello" });
        var history = await client.GetJsonAsync($"/session/{reply["session_id"]}");

        Assert.Equal(2, history["messages"]!.AsArray().Count);
    }

    [Fact]
    public async Task Native_api_starts_a_session_sends_messages_and_pages_the_history()
    {
        await using var app = await StartAsync();
        var client = app.OperatorClient();

        using var created = await client.PostAsync("/api/v1/sessions", Json.Body("""{"agent":"assistant"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.ReadObjectAsync();
        var id = (string)session["id"]!;
        Assert.Equal($"/api/v1/sessions/{id}", created.Headers.Location?.ToString());

        for (var i = 1; i <= 3; i++)
        {
            var turn = await client.PostJsonAsync($"/api/v1/sessions/{id}/messages", new { message = $"question {i}" });
            Assert.Equal(i * 2, (int)turn["reply_message"]!["sequence"]!);
            Assert.Equal("offline", (string?)turn["source"]);
        }

        var page1 = await client.GetJsonAsync($"/api/v1/sessions/{id}/messages?limit=4");
        var page2 = await client.GetJsonAsync($"/api/v1/sessions/{id}/messages?after={page1["next_after"]}&limit=4");

        Assert.Equal([1, 2, 3, 4], page1["messages"]!.AsArray().Select(m => (int)m!["sequence"]!));
        Assert.Equal([5, 6], page2["messages"]!.AsArray().Select(m => (int)m!["sequence"]!));
        Assert.Null(page2["next_after"]);
        Assert.Equal(6, (int)(await client.GetJsonAsync($"/api/v1/sessions/{id}"))["message_count"]!);
    }

    [Fact]
    public async Task A_session_started_without_a_body_gets_the_default_agent()
    {
        await using var app = await StartAsync();

        using var created = await app.OperatorClient().PostAsync("/api/v1/sessions", null);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("00000000-0000-7000-8000-000000000101", (string?)(await created.ReadObjectAsync())["agent_id"]);
    }

    [Fact]
    public async Task Debug_document_has_the_seed_systems_field_names()
    {
        await using var app = await StartAsync();
        var client = app.OperatorClient();
        var id = await client.NewSessionAsync();
        await client.PostJsonAsync("/chat", new { message = "hi", session_id = id });

        var compat = await client.GetJsonAsync($"/session/{id}/debug");
        var native = await client.GetJsonAsync($"/api/v1/sessions/{id}/debug");

        foreach (var field in new[] { "session_id", "session_info", "messages", "current_draft", "memory", "llm_logs", "last_action", "updated_at" })
        {
            Assert.True(compat.ContainsKey(field), $"debug document lacks '{field}'");
        }

        var info = compat["session_info"]!.AsObject();
        foreach (var field in new[] { "id", "active_draft_id", "total_messages", "total_llm_calls", "created_at" })
        {
            Assert.True(info.ContainsKey(field), $"session_info lacks '{field}'");
        }

        Assert.Equal(id, (string?)compat["session_id"]);
        Assert.Equal(2, (int)info["total_messages"]!);
        Assert.Equal(0, (int)info["total_llm_calls"]!);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$", (string)info["created_at"]!);
        Assert.Equal(["role", "content", "created_at", "emotion", "safety"], compat["messages"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["role", "content", "created_at", "emotion"], compat["messages"]![1]!.AsObject().Select(p => p.Key));
        Assert.Equal(compat.ToJsonString(), native.ToJsonString());
    }

    [Fact]
    public async Task Sessions_survive_a_restart_on_the_same_database()
    {
        var url = await TestDatabase.CreateAsync(kind);
        string id;
        await using (var first = new ConciergeApp(url))
        {
            var client = first.OperatorClient();
            id = await client.NewSessionAsync();
            await client.PostJsonAsync("/chat", new { message = "remember me", session_id = id });
        }

        await using var second = new ConciergeApp(url);
        var history = await second.OperatorClient().GetJsonAsync($"/session/{id}");
        await second.OperatorClient().PostJsonAsync("/chat", new { message = "still there?", session_id = id });

        Assert.Equal("remember me", (string?)history["messages"]![0]!["content"]);
        Assert.Equal(4, (int)(await second.OperatorClient().GetJsonAsync($"/api/v1/sessions/{id}"))["message_count"]!);
    }

    [Fact]
    public async Task Concurrent_messages_to_one_session_are_all_kept_each_followed_by_its_reply()
    {
        var url = await TestDatabase.CreateAsync(kind);

        // Two app instances on one database stand for two server processes.
        await using var a = new ConciergeApp(url);
        await using var b = new ConciergeApp(url);
        var clients = new[] { a.OperatorClient(), b.OperatorClient() };
        var id = await clients[0].NewSessionAsync();

        var sends = Enumerable.Range(1, 16).Select(i =>
            clients[i % 2].PostJsonAsync("/chat", new { message = $"message {i}", session_id = id }));
        await Task.WhenAll(sends);

        var messages = (await clients[0].GetJsonAsync($"/session/{id}"))["messages"]!.AsArray();
        Assert.Equal(32, messages.Count);
        var userTexts = messages.Where((_, i) => i % 2 == 0).Select(m => (string)m!["content"]!).ToList();
        Assert.Equal(Enumerable.Range(1, 16).Select(i => $"message {i}").Order(), userTexts.Order());
        Assert.All(messages.Where((_, i) => i % 2 == 1), m => Assert.Equal("assistant", (string?)m!["role"]));
        Assert.Equal(32, (int)(await clients[1].GetJsonAsync($"/api/v1/sessions/{id}"))["message_count"]!);
    }

    [Fact]
    public async Task A_message_waits_while_another_process_holds_the_session_and_is_busy_past_the_wait()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Concierge:Conversations:TurnWait"] = "3s" });
        var client = app.OperatorClient();
        var id = await client.NewSessionAsync();
        var store = app.Services.GetRequiredService<ISessionStore>();

        // Another process is in the middle of a turn on this session: ours must wait for it...
        var lease = Guid.NewGuid();
        await store.AcquireTurnLeaseAsync(DemoTenant.TenantId, Guid.Parse(id), lease, TimeSpan.FromMinutes(1), TimeSpan.Zero, TestContext.Current.CancellationToken);
        var waiting = client.PostAsync("/chat", Json.Body($$"""{"message":"first","session_id":"{{id}}"}"""), TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        Assert.Empty((await client.GetJsonAsync($"/session/{id}"))["messages"]!.AsArray());

        // ...and runs as soon as that turn lets go.
        await store.ReleaseTurnLeaseAsync(DemoTenant.TenantId, Guid.Parse(id), lease, TestContext.Current.CancellationToken);
        using var answered = await waiting;
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        // A turn held longer than the wait gives up with 409 and writes nothing.
        await store.AcquireTurnLeaseAsync(DemoTenant.TenantId, Guid.Parse(id), Guid.NewGuid(), TimeSpan.FromMinutes(1), TimeSpan.Zero, TestContext.Current.CancellationToken);
        using var busy = await client.PostAsync("/chat", Json.Body($$"""{"message":"second","session_id":"{{id}}"}"""), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Equal("session_busy", (string?)(await busy.ReadObjectAsync())["code"]);
        Assert.Equal(["first"], (await client.GetJsonAsync($"/session/{id}"))["messages"]!.AsArray().Where((_, i) => i % 2 == 0).Select(m => (string)m!["content"]!));
    }

    [Fact]
    public async Task An_expired_session_answers_410_to_reads_and_writes()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(new Dictionary<string, string?> { ["SESSION_TTL"] = "30m" }, clock);
        var client = app.OperatorClient();
        var id = await client.NewSessionAsync();
        await client.PostJsonAsync("/chat", new { message = "hi", session_id = id });

        clock.Advance(TimeSpan.FromMinutes(29));
        await client.GetJsonAsync($"/session/{id}");
        clock.Advance(TimeSpan.FromMinutes(2));

        using var read = await client.GetAsync($"/session/{id}");
        using var write = await client.PostAsync("/chat", Json.Body($$"""{"message":"still there?","session_id":"{{id}}"}"""));
        Assert.Equal(HttpStatusCode.Gone, read.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, write.StatusCode);
        Assert.Equal("session_expired", (string?)(await write.ReadObjectAsync())["code"]);
    }

    [Fact]
    public async Task Writing_to_a_session_extends_its_life()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(new Dictionary<string, string?> { ["SESSION_TTL"] = "30m" }, clock);
        var client = app.OperatorClient();
        var id = await client.NewSessionAsync();

        clock.Advance(TimeSpan.FromMinutes(20));
        await client.PostJsonAsync("/chat", new { message = "hi", session_id = id });
        clock.Advance(TimeSpan.FromMinutes(20));

        await client.GetJsonAsync($"/session/{id}");
    }

    [Fact]
    public async Task Health_reports_the_database_and_the_offline_model()
    {
        await using var app = await StartAsync();
        var client = app.OperatorClient();

        var health = await client.GetJsonAsync("/health");
        var ready = await client.GetJsonAsync("/health/ready");
        var live = await client.GetJsonAsync("/health/live");

        Assert.Equal("ok", (string?)health["status"]);
        Assert.Equal("ok", (string?)health["db"]);
        Assert.Equal("offline", (string?)health["model"]);
        Assert.Equal(kind == DatabaseKind.Sqlite ? "sqlite" : "postgresql", (string?)health["database"]);
        Assert.Equal("ok", (string?)ready["db"]);
        Assert.Equal("ok", (string?)live["status"]);
    }
}

public sealed class SqliteSessionRoutesTests() : SessionRoutesTests(DatabaseKind.Sqlite);

public sealed class PostgresSessionRoutesTests() : SessionRoutesTests(DatabaseKind.Postgres);
