using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Jobs;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Storage;
using Concierge.Storage.Jobs;

namespace Concierge.Server.Tests.Jobs;

/// <summary>The job store's contract, on SQLite and on a real PostgreSQL.</summary>
public sealed class JobStoreTests
{
    private static readonly Guid Tenant = DemoTenant.TenantId;
    private static readonly Guid OtherTenant = Guid.Parse("00000000-0000-7000-8000-0000000000f3");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Jobs_appended_to_a_turns_batch_exist_when_it_commits_and_not_at_all_when_it_rolls_back(DatabaseKind kind)
    {
        await using var jobs = await JobHarness.CreateAsync(kind);
        var db = jobs.Database;
        var now = jobs.Clock.GetUtcNow();
        var sessionId = Guid.CreateVersion7();
        JobRequest[] committed =
        [
            new("emotion.detect", new JsonObject { ["message_id"] = "m1" }, SessionId: sessionId),
            new("followup.send", new JsonObject { ["text"] = "See you tomorrow" }, now.AddDays(1), "booking-1:reminder", sessionId),
        ];

        await db.WriteAsync((c, t) => JobRows.Append(new SqlBatch(db), db, Tenant, committed, now).ExecuteAsync(c, t, Ct), Ct);
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => db.WriteAsync(
            async (c, t) =>
            {
                await JobRows.Append(new SqlBatch(db), db, Tenant, [new JobRequest("rolled.back", [])], now).ExecuteAsync(c, t, Ct);
                throw new InvalidOperationException("the turn's commit failed after its jobs were written");
            },
            Ct));

        var listed = await jobs.Store.ListAsync(Tenant, null, null, null, 100, Ct);
        Assert.Equal(["emotion.detect", "followup.send"], listed.Select(j => j.Kind).Order(StringComparer.Ordinal));
        Assert.All(listed, j => Assert.Equal((JobState.Queued, 0, JobRetryPolicy.DefaultMaxAttempts, (Guid?)sessionId), (j.State, j.Attempts, j.MaxAttempts, j.SessionId)));
        var followUp = listed.Single(j => j.Kind == "followup.send");
        Assert.Equal(SqlTime.Truncate(now.AddDays(1)), followUp.RunAt);
        Assert.Equal("booking-1:reminder", followUp.DedupKey);
        Assert.Equal("See you tomorrow", (string?)followUp.Payload["text"]);
        Assert.Equal(SqlTime.Truncate(now), listed.Single(j => j.Kind == "emotion.detect").RunAt);
        Assert.Empty(await jobs.Store.ListAsync(Tenant, null, "rolled.back", null, 100, Ct));
        Assert.Contains("commit failed", failed.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_dedup_key_is_enqueued_once_per_tenant_and_kind(DatabaseKind kind)
    {
        await using var jobs = await JobHarness.CreateAsync(kind);
        var db = jobs.Database;
        var now = jobs.Clock.GetUtcNow();
        var reminder = new JobRequest("followup.send", new JsonObject { ["n"] = 1 }, now.AddHours(1), "booking-7");

        // Twice in one batch, then again in a later transaction: one row, and no error.
        await db.WriteAsync((c, t) => JobRows.Append(new SqlBatch(db), db, Tenant, [reminder, reminder with { Payload = new JsonObject { ["n"] = 2 } }], now).ExecuteAsync(c, t, Ct), Ct);
        await db.WriteAsync((c, t) => JobRows.Append(new SqlBatch(db), db, Tenant, [reminder], now).ExecuteAsync(c, t, Ct), Ct);
        var again = await jobs.Store.EnqueueAsync(Tenant, reminder, JobRetryPolicy.DefaultMaxAttempts, Ct);
        var otherKind = await jobs.Store.EnqueueAsync(Tenant, reminder with { Kind = "emotion.detect" }, JobRetryPolicy.DefaultMaxAttempts, Ct);
        var otherTenant = await jobs.Store.EnqueueAsync(OtherTenant, reminder, JobRetryPolicy.DefaultMaxAttempts, Ct);
        var noKey = await jobs.Store.EnqueueAsync(Tenant, reminder with { DedupKey = null }, JobRetryPolicy.DefaultMaxAttempts, Ct);

        Assert.Null(again);
        Assert.NotNull(otherKind);
        Assert.NotNull(otherTenant);
        Assert.NotNull(noKey);
        var reminders = await jobs.Store.ListAsync(Tenant, null, "followup.send", null, 100, Ct);
        Assert.Equal(2, reminders.Count);
        Assert.Equal(1, (int?)reminders.Single(j => j.DedupKey == "booking-7").Payload["n"]);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_scheduled_follow_up_can_be_rescheduled_and_cancelled_by_its_dedup_key(DatabaseKind kind)
    {
        await using var jobs = await JobHarness.CreateAsync(kind);
        var now = jobs.Clock.GetUtcNow();
        var id = await jobs.Store.EnqueueAsync(Tenant, new JobRequest("followup.send", [], now.AddDays(1), "booking-9"), 8, Ct);

        Assert.True(await jobs.Store.RescheduleAsync(Tenant, "followup.send", "booking-9", now.AddDays(2), Ct));
        Assert.Equal(SqlTime.Truncate(now.AddDays(2)), (await jobs.FindAsync(Tenant, id!.Value))?.RunAt);
        Assert.False(await jobs.Store.CancelAsync(OtherTenant, "followup.send", "booking-9", Ct));
        Assert.True(await jobs.Store.CancelAsync(Tenant, "followup.send", "booking-9", Ct));
        Assert.Equal(JobState.Cancelled, (await jobs.FindAsync(Tenant, id.Value))?.State);
        Assert.False(await jobs.Store.CancelAsync(Tenant, "followup.send", "booking-9", Ct));
        jobs.Advance(TimeSpan.FromDays(3));
        Assert.Empty(await jobs.Store.ClaimAsync("w1", 10, TimeSpan.FromMinutes(1), Ct));

        // Rescheduling a cancelled follow-up arms it again (its key is still taken, so it cannot be enqueued anew).
        Assert.True(await jobs.Store.RescheduleAsync(Tenant, "followup.send", "booking-9", jobs.Clock.GetUtcNow(), Ct));
        Assert.Equal(id.Value, Assert.Single(await jobs.Store.ClaimAsync("w1", 10, TimeSpan.FromMinutes(1), Ct)).Id);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_claim_takes_due_jobs_only_and_an_expired_claim_is_claimable_again(DatabaseKind kind)
    {
        await using var jobs = await JobHarness.CreateAsync(kind);
        var now = jobs.Clock.GetUtcNow();
        var due = await jobs.Store.EnqueueAsync(Tenant, new JobRequest("a", []), 8, Ct);
        var later = await jobs.Store.EnqueueAsync(Tenant, new JobRequest("b", [], now.AddMinutes(30)), 8, Ct);

        var first = Assert.Single(await jobs.Store.ClaimAsync("dead-process", 10, TimeSpan.FromMinutes(5), Ct));
        Assert.Equal((due!.Value, JobState.Running, 1, "dead-process"), (first.Id, first.State, first.Attempts, first.ClaimedBy));
        Assert.Equal(SqlTime.Truncate(now.AddMinutes(5)), first.ClaimUntil);
        Assert.Empty(await jobs.Store.ClaimAsync("w2", 10, TimeSpan.FromMinutes(5), Ct));

        jobs.Advance(TimeSpan.FromMinutes(6));
        var again = Assert.Single(await jobs.Store.ClaimAsync("w2", 10, TimeSpan.FromMinutes(5), Ct));
        Assert.Equal((due.Value, 2, "w2"), (again.Id, again.Attempts, again.ClaimedBy));
        Assert.False(await jobs.Store.CompleteAsync(first.Id, "dead-process", Ct));
        Assert.True(await jobs.Store.CompleteAsync(first.Id, "w2", Ct));
        var done = await jobs.FindAsync(Tenant, first.Id);
        Assert.Equal(JobState.Done, done?.State);
        Assert.Equal(SqlTime.Truncate(jobs.Clock.GetUtcNow()), done?.FinishedAt);

        jobs.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(later!.Value, Assert.Single(await jobs.Store.ClaimAsync("w2", 10, TimeSpan.FromMinutes(5), Ct)).Id);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Failing_releasing_and_retrying_move_a_job_between_states_for_its_tenant_only(DatabaseKind kind)
    {
        await using var jobs = await JobHarness.CreateAsync(kind);
        var id = (await jobs.Store.EnqueueAsync(Tenant, new JobRequest("a", []), 2, Ct))!.Value;
        var store = jobs.Store;

        await store.ClaimAsync("w", 1, TimeSpan.FromMinutes(1), Ct);
        Assert.True(await store.ReleaseAsync(id, "w", Ct));
        var released = await jobs.FindAsync(Tenant, id);
        Assert.Equal((JobState.Queued, 0), (released!.State, released.Attempts));
        Assert.Null(released.ClaimedBy);

        await store.ClaimAsync("w", 1, TimeSpan.FromMinutes(1), Ct);
        Assert.True(await store.FailAsync(id, "w", "first", jobs.Clock.GetUtcNow().AddSeconds(2), Ct));
        Assert.Empty(await store.ClaimAsync("w", 1, TimeSpan.FromMinutes(1), Ct));
        jobs.Advance(TimeSpan.FromSeconds(3));
        await store.ClaimAsync("w", 1, TimeSpan.FromMinutes(1), Ct);
        Assert.True(await store.FailAsync(id, "w", "second", null, Ct));
        var dead = await jobs.FindAsync(Tenant, id);
        Assert.Equal((JobState.Dead, 2, "second"), (dead!.State, dead.Attempts, dead.LastError));
        Assert.NotNull(dead.FinishedAt);

        Assert.Null(await store.FindAsync(OtherTenant, id, Ct));
        Assert.Null(await store.RetryAsync(OtherTenant, id, Ct));
        Assert.Empty(await store.ListAsync(OtherTenant, null, null, null, 10, Ct));
        var retried = await store.RetryAsync(Tenant, id, Ct);
        Assert.Equal((JobState.Queued, 0, "second"), (retried!.State, retried.Attempts, retried.LastError));
        Assert.Null(retried.FinishedAt);
        Assert.Null(await store.RetryAsync(Tenant, id, Ct));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task The_list_pages_in_creation_order_and_filters_by_state_and_kind(DatabaseKind kind)
    {
        await using var jobs = await JobHarness.CreateAsync(kind);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await jobs.Store.EnqueueAsync(Tenant, new JobRequest(i % 2 == 0 ? "even" : "odd", []), 8, Ct))!.Value);
            jobs.Advance(TimeSpan.FromMilliseconds(2));
        }

        var page1 = await jobs.Store.ListAsync(Tenant, JobState.Queued, null, null, 3, Ct);
        var page2 = await jobs.Store.ListAsync(Tenant, JobState.Queued, null, page1[^1].Id, 3, Ct);

        Assert.Equal(ids, page1.Concat(page2).Select(j => j.Id));
        Assert.Equal([ids[1], ids[3]], (await jobs.Store.ListAsync(Tenant, null, "odd", null, 10, Ct)).Select(j => j.Id));
        Assert.Empty(await jobs.Store.ListAsync(Tenant, JobState.Dead, null, null, 10, Ct));
    }
}
