using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Jobs;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Storage;
using Concierge.Storage.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Jobs;

/// <summary>The job worker over a real database: it runs due jobs once, on time, and gives them back when it stops.</summary>
public sealed class JobWorkerTests
{
    private static readonly Guid Tenant = DemoTenant.TenantId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_due_job_is_claimed_run_with_its_context_and_done(DatabaseKind kind)
    {
        var handler = new RecordingHandler();
        await using var jobs = await JobHarness.CreateAsync(kind, s => s.AddSingleton<IJobHandler>(handler));
        var sessionId = Guid.CreateVersion7();
        var id = (await jobs.Store.EnqueueAsync(Tenant, new JobRequest(RecordingHandler.DefaultKind, new JsonObject { ["x"] = 1 }, SessionId: sessionId), 8, Ct))!.Value;

        await jobs.StartWorkerAsync();
        await JobHarness.EventuallyAsync(async () => (await jobs.FindAsync(Tenant, id))?.State == JobState.Done, "the job is done");

        var done = await jobs.FindAsync(Tenant, id);
        Assert.Equal(1, handler.Runs[id]);
        Assert.Equal((1, jobs.Worker.WorkerId), (done!.Attempts, done.ClaimedBy));
        Assert.Null(done.ClaimUntil);
        Assert.Null(done.LastError);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_scheduled_job_does_not_run_before_its_time_and_runs_once_it_comes(DatabaseKind kind)
    {
        var handler = new RecordingHandler();
        await using var jobs = await JobHarness.CreateAsync(kind, s => s.AddSingleton<IJobHandler>(handler));
        var runAt = jobs.Clock.GetUtcNow().AddHours(24);
        var id = (await jobs.Store.EnqueueAsync(Tenant, new JobRequest(RecordingHandler.DefaultKind, [], runAt, "reminder"), 8, Ct))!.Value;

        await jobs.StartWorkerAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(300), Ct);
        Assert.Empty(handler.Runs);
        Assert.Equal(JobState.Queued, (await jobs.FindAsync(Tenant, id))?.State);

        jobs.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromMilliseconds(200), Ct);
        Assert.Empty(handler.Runs);

        jobs.Advance(TimeSpan.FromSeconds(1));
        await JobHarness.EventuallyAsync(() => Task.FromResult(handler.Runs.ContainsKey(id)), "the reminder ran");
        await JobHarness.EventuallyAsync(async () => (await jobs.FindAsync(Tenant, id))?.State == JobState.Done, "the reminder is done");
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_job_whose_process_died_mid_run_is_picked_up_again_after_its_claim_expires(DatabaseKind kind)
    {
        var handler = new RecordingHandler();
        await using var jobs = await JobHarness.CreateAsync(kind, s => s.AddSingleton<IJobHandler>(handler));
        var id = (await jobs.Store.EnqueueAsync(Tenant, new JobRequest(RecordingHandler.DefaultKind, []), 8, Ct))!.Value;
        Assert.Single(await jobs.Store.ClaimAsync("a-process-that-dies", 1, TimeSpan.FromMinutes(5), Ct));

        await jobs.StartWorkerAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(200), Ct);
        Assert.Empty(handler.Runs);
        jobs.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        await JobHarness.EventuallyAsync(async () => (await jobs.FindAsync(Tenant, id))?.State == JobState.Done, "the job is done by the live worker");
        Assert.Equal(1, handler.Runs[id]);
        Assert.Equal(2, (await jobs.FindAsync(Tenant, id))?.Attempts);
        Assert.False(await jobs.Store.CompleteAsync(id, "a-process-that-dies", Ct));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_job_of_a_kind_no_handler_runs_goes_dead_at_once_saying_so(DatabaseKind kind)
    {
        await using var jobs = await JobHarness.CreateAsync(kind);
        var id = (await jobs.Store.EnqueueAsync(Tenant, new JobRequest("no.such.kind", []), 8, Ct))!.Value;

        await jobs.StartWorkerAsync();
        await JobHarness.EventuallyAsync(async () => (await jobs.FindAsync(Tenant, id))?.State == JobState.Dead, "the job is dead");

        var dead = await jobs.FindAsync(Tenant, id);
        Assert.Equal(1, dead!.Attempts);
        Assert.StartsWith("No handler for job kind 'no.such.kind' in this process", dead.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Graceful_shutdown_lets_a_running_job_finish_within_the_timeout(DatabaseKind kind)
    {
        var handler = new BlockingHandler();
        await using var jobs = await JobHarness.CreateAsync(kind, s => s.AddSingleton<IJobHandler>(handler));
        var id = (await jobs.Store.EnqueueAsync(Tenant, new JobRequest(BlockingHandler.JobKind, []), 8, Ct))!.Value;
        await jobs.StartWorkerAsync();
        await handler.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);

        var stopping = jobs.StopWorkerAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
        Assert.False(stopping.IsCompleted, "the worker waits for its running job");
        handler.Release();
        await stopping;

        Assert.Equal(JobState.Done, (await jobs.FindAsync(Tenant, id))?.State);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Graceful_shutdown_releases_the_claim_of_a_job_still_running_at_the_timeout(DatabaseKind kind)
    {
        var handler = new BlockingHandler();
        await using var jobs = await JobHarness.CreateAsync(kind, s => s.AddSingleton<IJobHandler>(handler));
        var id = (await jobs.Store.EnqueueAsync(Tenant, new JobRequest(BlockingHandler.JobKind, []), 8, Ct))!.Value;
        await jobs.StartWorkerAsync();
        await handler.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal(JobState.Running, (await jobs.FindAsync(Tenant, id))?.State);

        await jobs.StopWorkerAsync(TimeSpan.FromMilliseconds(200));

        var released = await jobs.FindAsync(Tenant, id);
        Assert.Equal((JobState.Queued, 0), (released!.State, released.Attempts));
        Assert.Null(released.ClaimedBy);
        Assert.Null(released.ClaimUntil);
        Assert.Equal(SqlTime.Truncate(jobs.Clock.GetUtcNow()), released.RunAt);
        Assert.Equal(0, jobs.Worker.Running);
    }

    [Fact]
    public async Task Two_workers_with_their_own_pools_on_one_PostgreSQL_database_run_each_of_200_jobs_exactly_once()
    {
        await using var first = await JobHarness.CreateAsync(
            DatabaseKind.Postgres, s => s.AddSingleton<IJobHandler>(new RecordingHandler(work: TimeSpan.FromMilliseconds(5)) { Tag = "first" }), TimeProvider.System);
        var firstHandler = (RecordingHandler)first.Services.GetServices<IJobHandler>().Single(h => h.Kind == RecordingHandler.DefaultKind);
        var secondHandler = new RecordingHandler(work: TimeSpan.FromMilliseconds(5)) { Tag = "second" };
        await using var second = JobHarness.Open(first.Url, s => s.AddSingleton<IJobHandler>(secondHandler), TimeProvider.System);
        await first.StartWorkerAsync();
        await second.StartWorkerAsync();

        var db = first.Database;
        var requests = Enumerable.Range(0, 200).Select(i => new JobRequest(RecordingHandler.DefaultKind, new JsonObject { ["i"] = i })).ToList();
        IReadOnlyList<Guid> ids = [];
        await db.WriteAsync(
            (c, t) => JobRows.Append(new SqlBatch(db), db, Tenant, requests, DateTimeOffset.UtcNow, 8, out ids).ExecuteAsync(c, t, Ct), Ct);

        await JobHarness.EventuallyAsync(
            async () => (await first.Store.ListAsync(Tenant, JobState.Done, null, null, 500, Ct)).Count == 200, "all 200 jobs are done", TimeSpan.FromSeconds(60));

        var counts = firstHandler.Runs.Concat(secondHandler.Runs).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
        Assert.Equal(ids.Order(), counts.Keys.Order());
        Assert.All(counts, c => Assert.Equal(1, c.Value));
        Assert.NotEmpty(firstHandler.Runs);
        Assert.NotEmpty(secondHandler.Runs);
    }
}
