using System.Text.Json.Nodes;
using Concierge.Jobs;
using Concierge.Server.Channels;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Storage;
using Concierge.Testing.FakeGraph;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using static Concierge.Server.Tests.Channels.ChannelFixtures;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// The crash window TwoInstanceKillTests found: a <c>channel.inbound</c> job whose instance died
/// after its turn committed is taken over and runs again. The message is answered in the turn's
/// own transaction, so the second run finds it answered: one user message, one reply, one send.
/// </summary>
public sealed class ChannelInboundRerunTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_job_taken_over_after_its_turn_committed_makes_no_second_turn_and_no_second_reply(DatabaseKind kind)
    {
        await using var graph = await FakeGraphServer.StartAsync(Ct);
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind), Settings(graph.BaseUrl));
        using var accepted = await PostSignedAsync(app.Client(), Text("Do you have a table for two tonight?", "wamid.rerun-1"));
        await EventuallyAsync(async () => graph.Sent.Count >= 1 ? graph.Sent : null, "the reply at Graph");
        var database = app.Services.GetRequiredService<Database>();

        // The instance "died" after the commit, before it marked the job done: its claim expires and a worker takes it over.
        await ExpireClaimAsync(database, await InboundJobIdAsync(database, "wamid.rerun-1"));
        await WaitDoneAsync(database, await InboundJobIdAsync(database, "wamid.rerun-1"));
        await Task.Delay(500, Ct);

        await AssertOneAnswerAsync(app, graph, database);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_rerun_whose_inbound_row_still_says_queued_after_the_turn_committed_makes_no_second_turn(DatabaseKind kind)
    {
        await using var graph = await FakeGraphServer.StartAsync(Ct);
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind), Settings(graph.BaseUrl));
        using var accepted = await PostSignedAsync(app.Client(), Text("Do you have a table for two tonight?", "wamid.rerun-2"));
        await EventuallyAsync(async () => graph.Sent.Count >= 1 ? graph.Sent : null, "the reply at Graph");
        var database = app.Services.GetRequiredService<Database>();
        var job = await InboundJobIdAsync(database, "wamid.rerun-2");

        // What the old code left behind in the crash window: the turn committed, the row not moved.
        await database.WriteStatementAsync(c => c.ExecuteAsync("UPDATE channel_inbound SET state = 'queued' WHERE external_key LIKE '%wamid.rerun-2%'"), Ct);
        await ExpireClaimAsync(database, job);
        await WaitDoneAsync(database, job);
        await Task.Delay(500, Ct);

        await AssertOneAnswerAsync(app, graph, database);
        await using var connection = await database.OpenAsync(Ct);
        Assert.Equal("done", await connection.ExecuteScalarAsync<string>("SELECT state FROM channel_inbound WHERE external_key LIKE '%wamid.rerun-2%'"));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Three_runs_of_one_inbound_job_at_the_same_moment_make_one_turn_and_one_reply(DatabaseKind kind)
    {
        await using var graph = await FakeGraphServer.StartAsync(Ct);
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind), Settings(graph.BaseUrl));
        using var accepted = await PostSignedAsync(app.Client(), Text("Do you have a table for two tonight?", "wamid.rerun-3"));
        var database = app.Services.GetRequiredService<Database>();
        var context = await InboundJobAsync(database, "wamid.rerun-3");
        var handler = app.Services.GetServices<IJobHandler>().OfType<ChannelInboundHandler>().Single();

        // The worker's own run races two more, as when a claim is taken over from an instance still at work.
        await Task.WhenAll(handler.HandleAsync(context, Ct), handler.HandleAsync(context, Ct));
        await EventuallyAsync(async () => graph.Sent.Count >= 1 ? graph.Sent : null, "the reply at Graph");
        await WaitDoneAsync(database, context.JobId);
        await Task.Delay(500, Ct);

        await AssertOneAnswerAsync(app, graph, database);
    }

    private static async Task AssertOneAnswerAsync(ConciergeApp app, FakeGraphServer graph, Database database)
    {
        var operatorClient = app.OperatorClient();
        var messages = await MessagesAsync(operatorClient, (await SessionIdAsync(operatorClient))!);
        Assert.Equal(1, messages.Count(m => (string?)m!["role"] == "user"));
        Assert.Equal(1, messages.Count(m => (string?)m!["role"] == "assistant"));
        await using var connection = await database.OpenAsync(Ct);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM jobs WHERE kind = @kind", new { kind = JobKinds.ChannelSend }));
        Assert.Single(graph.Sent);
    }

    private static async Task<Guid> InboundJobIdAsync(Database database, string wamid) => (await InboundJobAsync(database, wamid)).JobId;

    private static async Task<JobContext> InboundJobAsync(Database database, string wamid)
    {
        await using var connection = await database.OpenAsync(Ct);
        var row = await connection.QuerySingleAsync(
            "SELECT id, tenant_id, payload FROM jobs WHERE kind = @kind AND dedup_key LIKE @key",
            new { kind = JobKinds.ChannelInbound, key = "%" + wamid + "%" });
        var payload = JsonNode.Parse((string)row.payload.ToString())!.AsObject();
        return new JobContext(Guid.Parse(row.id.ToString()), Guid.Parse(row.tenant_id.ToString()), null, JobKinds.ChannelInbound, payload, 2, DateTimeOffset.UtcNow);
    }

    /// <summary>The job as a dead instance leaves it: running, its claim run out.</summary>
    private static async Task ExpireClaimAsync(Database database, Guid job)
    {
        await WaitDoneAsync(database, job);
        await database.WriteStatementAsync(
            c => c.ExecuteAsync(
                "UPDATE jobs SET state = 'running', claimed_by = 'dead-instance', claim_until = @past, finished_at = NULL WHERE id = @id",
                new { id = database.Id(job), past = database.Time(DateTimeOffset.UtcNow.AddMinutes(-1)) }),
            Ct);
    }

    private static async Task WaitDoneAsync(Database database, Guid job) =>
        await EventuallyAsync(
            async () =>
            {
                await using var connection = await database.OpenAsync(Ct);
                var state = await connection.ExecuteScalarAsync<string>("SELECT state FROM jobs WHERE id = @id", new { id = database.Id(job) });
                return state == "done" ? state : null;
            },
            "the inbound job done");
}
