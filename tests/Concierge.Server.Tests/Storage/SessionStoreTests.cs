using Concierge.Skills;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Models;
using Concierge.Configuration;
using Concierge.Jobs;
using Concierge.Storage;
using Concierge.Storage.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Storage;

/// <summary>The session store's contract, on SQLite and on a real PostgreSQL.</summary>
public sealed class SessionStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_session_round_trips_and_is_invisible_to_other_tenants(DatabaseKind kind)
    {
        await using var db = await StorageHarness.CreateAsync(kind);
        var now = new DateTimeOffset(2025, 8, 28, 20, 48, 50, TimeSpan.FromHours(-4)).AddTicks(9_381_234);
        var session = StorageHarness.NewSession(DemoTenant.TenantId, DemoTenant.AgentId, now) with
        {
            State = SkillStateDocument.FromJson("""{"memory":{"language":"en_US"},"draft":{"name":"order_shipped","components":[]},"final_payload":{"category":"UTILITY"}}"""),
            LastAction = "DRAFT",
        };

        var stored = await db.Store.CreateAsync(session, [new DomainEvent("session_started", [])], Ct);
        var found = await db.Store.FindAsync(DemoTenant.TenantId, session.Id, Ct);

        Assert.NotNull(found);
        Assert.Equal(TimeSpan.Zero, found.CreatedAt.Offset);
        Assert.Equal(now.UtcDateTime.AddTicks(-4), found.CreatedAt.UtcDateTime);
        Assert.Equal(stored.CreatedAt, found.CreatedAt);
        Assert.Equal(stored.ExpiresAt, found.ExpiresAt);
        Assert.Equal("DRAFT", found.LastAction);
        Assert.Equal("templates", found.Skill);
        var state = found.State.ToNode()!;
        Assert.Equal("en_US", (string?)state["memory"]!["language"]);
        Assert.Equal("order_shipped", (string?)state["draft"]!["name"]);
        Assert.Equal("UTILITY", (string?)state["final_payload"]!["category"]);
        Assert.Equal(0, found.Version);
        Assert.Equal(1, await db.CountAsync("events", session.Id));

        Assert.Null(await db.Store.FindAsync(StorageHarness.OtherTenantId, session.Id, Ct));
        Assert.Empty(await db.Store.GetMessagesAsync(StorageHarness.OtherTenantId, session.Id, 0, 10, Ct));
        await Assert.ThrowsAsync<SessionNotFoundException>(() =>
            db.Store.AcquireTurnLeaseAsync(StorageHarness.OtherTenantId, session.Id, Guid.NewGuid(), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), Ct));
        Assert.Null(await db.Store.FindAsync(DemoTenant.TenantId, Guid.NewGuid(), Ct));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_turn_commits_all_its_rows_and_a_stale_one_commits_none(DatabaseKind kind)
    {
        await using var db = await StorageHarness.CreateAsync(kind);
        var session = await db.CreateDemoSessionAsync();
        var now = DateTimeOffset.UtcNow;
        var lease = Guid.NewGuid();
        var leased = await db.Store.AcquireTurnLeaseAsync(DemoTenant.TenantId, session.Id, lease, TimeSpan.FromMinutes(1), TimeSpan.Zero, Ct);
        var call = new ModelCallLog
        {
            Id = Guid.NewGuid(),
            StartedAt = now,
            Provider = "openai",
            Model = "gpt-4o-mini",
            RequestPayload = new JsonObject { ["messages"] = new JsonArray("hi") },
            ResponsePayload = new JsonObject { ["id"] = "chatcmpl-1" },
            LatencyMs = 3953,
            InputTokens = 12,
            OutputTokens = 7,
            Cost = 0.000123m,
            Outcome = ModelCallOutcome.Ok,
        };
        var turn = StorageHarness.Turn(leased, lease, "hello", now);
        await db.Store.CommitTurnAsync(turn with { Session = turn.Session with { ModelCallCount = 1 }, ModelCalls = [call] }, Ct);

        var after = await db.Store.FindAsync(DemoTenant.TenantId, session.Id, Ct);
        Assert.Equal(1, after!.Version);
        Assert.Equal(2, after.MessageCount);
        Assert.Equal(1, after.ModelCallCount);
        var messages = await db.Store.GetMessagesAsync(DemoTenant.TenantId, session.Id, 0, 10, Ct);
        Assert.Equal(["hello", "re: hello"], messages.Select(m => m.Content));
        Assert.Equal([MessageRole.User, MessageRole.Assistant], messages.Select(m => m.Role));
        Assert.Equal(7, messages[1].Tokens);
        var calls = await db.Store.GetModelCallsAsync(DemoTenant.TenantId, session.Id, Ct);
        var stored = Assert.Single(calls);
        Assert.Equal(0.000123m, stored.Cost);
        Assert.Equal("chatcmpl-1", (string?)stored.ResponsePayload!["id"]);
        Assert.Equal(3953, stored.LatencyMs);
        Assert.Equal(2, await db.CountAsync("events", session.Id));
        Assert.Empty(await db.Store.GetModelCallsAsync(StorageHarness.OtherTenantId, session.Id, Ct));

        // The same turn again (its expected version is now stale): nothing of it is written.
        var lease2 = Guid.NewGuid();
        await db.Store.AcquireTurnLeaseAsync(DemoTenant.TenantId, session.Id, lease2, TimeSpan.FromMinutes(1), TimeSpan.Zero, Ct);
        var stale = StorageHarness.Turn(leased, lease2, "stale", now);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => db.Store.CommitTurnAsync(stale, Ct));
        Assert.Equal(2, await db.CountAsync("messages", session.Id));
        Assert.Equal(2, await db.CountAsync("events", session.Id));
        Assert.Equal(1, (await db.Store.FindAsync(DemoTenant.TenantId, session.Id, Ct))!.Version);

        // A commit under a lease we do not hold is refused too.
        var current = (await db.Store.FindAsync(DemoTenant.TenantId, session.Id, Ct))!;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => db.Store.CommitTurnAsync(StorageHarness.Turn(current, Guid.NewGuid(), "no lease", now), Ct));
        Assert.Equal(2, await db.CountAsync("messages", session.Id));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_turn_without_a_lease_commits_only_while_nobody_holds_one(DatabaseKind kind)
    {
        await using var db = await StorageHarness.CreateAsync(kind);
        var session = await db.CreateDemoSessionAsync();
        var now = DateTimeOffset.UtcNow;

        var first = await db.Store.ReadForTurnAsync(DemoTenant.TenantId, session.Id, 40, Ct);
        Assert.NotNull(first);
        Assert.False(first.LeasedElsewhere);
        Assert.Empty(first.History);
        await db.Store.CommitTurnAsync(StorageHarness.Turn(first.Session, null, "one", now), Ct);

        var second = (await db.Store.ReadForTurnAsync(DemoTenant.TenantId, session.Id, 1, Ct))!;
        Assert.Equal(1, second.Session.Version);
        Assert.Equal(["re: one"], second.History.Select(m => m.Content));

        // Another process takes the lease: the snapshot says so and an unleased commit is refused.
        var lease = Guid.NewGuid();
        await db.Store.AcquireTurnLeaseAsync(DemoTenant.TenantId, session.Id, lease, TimeSpan.FromMinutes(1), TimeSpan.Zero, Ct);
        Assert.True((await db.Store.ReadForTurnAsync(DemoTenant.TenantId, session.Id, 40, Ct))!.LeasedElsewhere);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            db.Store.CommitTurnAsync(StorageHarness.Turn(second.Session, null, "while leased", now), Ct));
        await db.Store.ReleaseTurnLeaseAsync(DemoTenant.TenantId, session.Id, lease, Ct);

        // A stale snapshot (the version moved) commits nothing either.
        await db.Store.CommitTurnAsync(StorageHarness.Turn(second.Session, null, "two", now), Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            db.Store.CommitTurnAsync(StorageHarness.Turn(second.Session, null, "stale", now), Ct));
        Assert.Equal(["one", "re: one", "two", "re: two"], (await db.Store.GetMessagesAsync(DemoTenant.TenantId, session.Id, 0, 10, Ct)).Select(m => m.Content));

        Assert.Null(await db.Store.ReadForTurnAsync(StorageHarness.OtherTenantId, session.Id, 40, Ct));
        Assert.Null(await db.Store.ReadForTurnAsync(DemoTenant.TenantId, Guid.NewGuid(), 40, Ct));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_second_lease_waits_for_release_and_gives_up_busy(DatabaseKind kind)
    {
        await using var db = await StorageHarness.CreateAsync(kind);
        var session = await db.CreateDemoSessionAsync();
        var first = Guid.NewGuid();
        await db.Store.AcquireTurnLeaseAsync(DemoTenant.TenantId, session.Id, first, TimeSpan.FromMinutes(1), TimeSpan.Zero, Ct);

        await Assert.ThrowsAsync<SessionBusyException>(() =>
            db.Store.AcquireTurnLeaseAsync(DemoTenant.TenantId, session.Id, Guid.NewGuid(), TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(300), Ct));

        // Releasing someone else's lease does nothing.
        await db.Store.ReleaseTurnLeaseAsync(DemoTenant.TenantId, session.Id, Guid.NewGuid(), Ct);
        await Assert.ThrowsAsync<SessionBusyException>(() =>
            db.Store.AcquireTurnLeaseAsync(DemoTenant.TenantId, session.Id, Guid.NewGuid(), TimeSpan.FromMinutes(1), TimeSpan.Zero, Ct));

        var second = db.Store.AcquireTurnLeaseAsync(DemoTenant.TenantId, session.Id, Guid.NewGuid(), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), Ct);
        await Task.Delay(200, Ct);
        Assert.False(second.IsCompleted);
        await db.Store.ReleaseTurnLeaseAsync(DemoTenant.TenantId, session.Id, first, Ct);
        var leased = await second.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(session.Id, leased.Id);

        // An expired lease is taken over.
        var other = await db.CreateDemoSessionAsync();
        await db.Store.AcquireTurnLeaseAsync(DemoTenant.TenantId, other.Id, Guid.NewGuid(), TimeSpan.FromMilliseconds(50), TimeSpan.Zero, Ct);
        await db.Store.AcquireTurnLeaseAsync(DemoTenant.TenantId, other.Id, Guid.NewGuid(), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5), Ct);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Concurrent_turns_on_one_session_lose_no_update(DatabaseKind kind)
    {
        await using var db = await StorageHarness.CreateAsync(kind);
        // A second "process" on the same database takes part too.
        await using var other = StorageHarness.Open(db.Url);
        var session = await db.CreateDemoSessionAsync();
        const int turns = 20;

        await Task.WhenAll(Enumerable.Range(0, turns).Select(i => Task.Run(
            async () =>
            {
                var store = i % 2 == 0 ? db.Store : other.Store;
                var lease = Guid.NewGuid();
                var current = await store.AcquireTurnLeaseAsync(DemoTenant.TenantId, session.Id, lease, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(60), Ct);
                await store.CommitTurnAsync(StorageHarness.Turn(current, lease, $"turn {i}", DateTimeOffset.UtcNow), Ct);
            },
            Ct)));

        var final = await db.Store.FindAsync(DemoTenant.TenantId, session.Id, Ct);
        Assert.Equal(turns * 2, final!.MessageCount);
        Assert.Equal(turns, final.Version);
        var messages = await db.Store.GetMessagesAsync(DemoTenant.TenantId, session.Id, 0, 1000, Ct);
        Assert.Equal(Enumerable.Range(1, turns * 2), messages.Select(m => m.Sequence));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Messages_page_in_order(DatabaseKind kind)
    {
        await using var db = await StorageHarness.CreateAsync(kind);
        var session = await db.CreateDemoSessionAsync();
        for (var i = 0; i < 5; i++)
        {
            var lease = Guid.NewGuid();
            var current = await db.Store.AcquireTurnLeaseAsync(DemoTenant.TenantId, session.Id, lease, TimeSpan.FromMinutes(1), TimeSpan.Zero, Ct);
            await db.Store.CommitTurnAsync(StorageHarness.Turn(current, lease, $"m{i}", DateTimeOffset.UtcNow), Ct);
        }

        var page1 = await db.Store.GetMessagesAsync(DemoTenant.TenantId, session.Id, 0, 4, Ct);
        var page2 = await db.Store.GetMessagesAsync(DemoTenant.TenantId, session.Id, page1[^1].Sequence, 4, Ct);
        var page3 = await db.Store.GetMessagesAsync(DemoTenant.TenantId, session.Id, page2[^1].Sequence, 4, Ct);
        var recent = await db.Store.GetRecentMessagesAsync(DemoTenant.TenantId, session.Id, 3, Ct);

        Assert.Equal([1, 2, 3, 4], page1.Select(m => m.Sequence));
        Assert.Equal([5, 6, 7, 8], page2.Select(m => m.Sequence));
        Assert.Equal([9, 10], page3.Select(m => m.Sequence));
        Assert.Equal([8, 9, 10], recent.Select(m => m.Sequence));
        Assert.Equal(["re: m3", "m4", "re: m4"], recent.Select(m => m.Content));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Expired_sessions_go_with_their_rows_and_customer_sessions_stay(DatabaseKind kind)
    {
        await using var db = await StorageHarness.CreateAsync(kind);
        var now = DateTimeOffset.UtcNow;
        var expired = await db.CreateDemoSessionAsync(ttl: TimeSpan.FromMinutes(1), now: now.AddHours(-1));
        var lease = Guid.NewGuid();
        var current = await db.Store.AcquireTurnLeaseAsync(DemoTenant.TenantId, expired.Id, lease, TimeSpan.FromMinutes(1), TimeSpan.Zero, Ct);
        // The turn keeps the session's expiry (59 minutes ago), as a turn an hour ago would have.
        await db.Store.CommitTurnAsync(StorageHarness.Turn(current, lease, "old", now.AddHours(-1)), Ct);
        var alive = await db.CreateDemoSessionAsync(ttl: TimeSpan.FromHours(1));
        var customer = await db.CreateDemoSessionAsync(customerId: "+5511999990000", now: now.AddDays(-30));

        var removed = await db.Store.DeleteExpiredAsync(now, Ct);

        Assert.Equal(1, removed);
        Assert.Null(await db.Store.FindAsync(DemoTenant.TenantId, expired.Id, Ct));
        Assert.Equal(0, await db.CountAsync("messages", expired.Id));
        Assert.Equal(0, await db.CountAsync("events", expired.Id));
        Assert.NotNull(await db.Store.FindAsync(DemoTenant.TenantId, alive.Id, Ct));
        Assert.NotNull(await db.Store.FindAsync(DemoTenant.TenantId, customer.Id, Ct));
        Assert.Equal(customer.Id, (await db.Store.FindByCustomerAsync(DemoTenant.TenantId, DemoTenant.AgentId, "+5511999990000", Ct))?.Id);
        Assert.Null(await db.Store.FindByCustomerAsync(StorageHarness.OtherTenantId, DemoTenant.AgentId, "+5511999990000", Ct));
        Assert.Equal(0, await db.Store.DeleteExpiredAsync(now, Ct));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task The_cleanup_job_sweeps_expired_sessions_every_ten_minutes_by_default(DatabaseKind kind)
    {
        await using var db = await StorageHarness.CreateAsync(kind);
        var expired = await db.CreateDemoSessionAsync(ttl: TimeSpan.FromSeconds(1), now: DateTimeOffset.UtcNow.AddMinutes(-5));
        var alive = await db.CreateDemoSessionAsync();
        var cleanup = db.Services.GetServices<IJobHandler>().OfType<ExpiredSessionSweep>().Single();

        Assert.Equal(1, await cleanup.SweepAsync(Ct));
        Assert.Null(await db.Store.FindAsync(DemoTenant.TenantId, expired.Id, Ct));
        Assert.NotNull(await db.Store.FindAsync(DemoTenant.TenantId, alive.Id, Ct));
        Assert.Equal(TimeSpan.FromMinutes(10), db.Services.GetRequiredService<SessionCleanupOptions>().Interval);
        Assert.Contains(new RecurringJob(JobKinds.SessionsSweep, TimeSpan.FromMinutes(10)), db.Services.GetServices<RecurringJob>());
    }

    [Fact]
    public void A_bad_cleanup_interval_stops_the_start_with_its_name()
    {
        var error = Assert.Throws<InvalidSettingException>(() =>
            StorageHarness.Open("sqlite:///unused.db", new Dictionary<string, string?> { [SessionCleanupOptions.IntervalKey] = "often" }));

        Assert.StartsWith("Concierge:Sessions:CleanupInterval: 'often' is not a duration", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task The_agent_catalog_is_tenant_scoped(DatabaseKind kind)
    {
        await using var db = await StorageHarness.CreateAsync(kind);

        Assert.Equal("demo", (await db.Agents.FindAsync(DemoTenant.TenantId, DemoTenant.AgentId, Ct))?.Key);
        Assert.Equal(DemoTenant.AgentId, (await db.Agents.FindByKeyAsync(DemoTenant.TenantId, "demo", Ct))?.Id);
        Assert.Null(await db.Agents.FindAsync(StorageHarness.OtherTenantId, DemoTenant.AgentId, Ct));
        Assert.Null(await db.Agents.FindByKeyAsync(StorageHarness.OtherTenantId, "demo", Ct));
        Assert.Equal(StorageHarness.OtherAgentId, (await db.Agents.DefaultAsync(StorageHarness.OtherTenantId, Ct)).Id);
        await Assert.ThrowsAsync<AgentNotFoundException>(() => db.Agents.DefaultAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Many_concurrent_sqlite_writers_never_see_database_is_locked()
    {
        await using var db = await StorageHarness.CreateAsync(DatabaseKind.Sqlite);
        await using var second = StorageHarness.Open(db.Url);

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(
            async () =>
            {
                var harness = i % 2 == 0 ? db : second;
                var session = await harness.CreateDemoSessionAsync();
                for (var turn = 0; turn < 3; turn++)
                {
                    var lease = Guid.NewGuid();
                    var current = await harness.Store.AcquireTurnLeaseAsync(DemoTenant.TenantId, session.Id, lease, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30), Ct);
                    _ = await harness.Store.GetRecentMessagesAsync(DemoTenant.TenantId, session.Id, 10, Ct);
                    await harness.Store.CommitTurnAsync(StorageHarness.Turn(current, lease, $"s{i} t{turn}", DateTimeOffset.UtcNow), Ct);
                }
            },
            Ct)));

        await using var connection = await db.Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM messages";
        Assert.Equal(60L * 3 * 2, (long)(await command.ExecuteScalarAsync(Ct))!);
    }
}
