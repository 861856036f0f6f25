using Concierge.Server.Tests.Channels;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeGraph;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// Fault 1: two server processes on one PostgreSQL database under web turns, streams and WhatsApp
/// webhooks (whose turns and replies are jobs); one is killed with SIGKILL mid-load. The survivor
/// keeps serving, the killed one's claimed jobs are taken over once their claim runs out, and
/// nothing either acknowledged is lost or doubled. A reply Graph took just before the kill may be
/// sent again by the job's next run (the report counts it as "sent twice at the provider").
/// </summary>
public sealed class TwoInstanceKillTests
{
    private static readonly TimeSpan Claim = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Killing_one_of_two_instances_mid_load_loses_and_doubles_nothing_and_the_survivor_takes_over_its_jobs()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        var url = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var environment = ChannelFixtures.Settings(graph.BaseUrl).ToDictionary(kv => kv.Key, kv => kv.Value!);
        environment["Concierge:Jobs:ClaimDuration"] = "00:00:03";
        environment["RATE_LIMIT_PER_MINUTE"] = "0";
        using var instances = await FaultInstances.StartAsync(url, environment);
        var (victim, survivorOperator, targets) = (instances.Processes[0], instances.Operators[1], instances.Targets);
        var ledger = new FaultLedger();
        var load = new FaultLoad(targets, ledger).Start(chats: 4, streams: 2, webhooks: 2);

        await Task.Delay(FaultScale.Pick(5, 30), TestContext.Current.CancellationToken);
        var acksBefore = ledger.Acks.Count(a => a.Instance == 0);
        await victim.KillAsync();
        var killedAt = ledger.Now;
        targets.Down(0);
        await Task.Delay(FaultScale.Pick(6, 60), TestContext.Current.CancellationToken);
        await load.StopAsync();

        // Every acknowledged webhook's reply goes out, the killed process's claimed jobs included
        // once their claim has run out.
        var expected = ledger.Acks.Count(a => a.Kind == AckKind.WhatsApp);
        var deadline = DateTime.UtcNow + Claim + TimeSpan.FromSeconds(60);
        while (FaultChecker.RepliesFor(ledger, graph) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var allReplied = ledger.Now - killedAt;
        await Task.Delay(Claim + TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken); // a late second send would show now
        var report = await FaultChecker.CheckAsync("kill -9 of one of two instances (PostgreSQL)", ledger, survivorOperator, graph, new Dictionary<string, string>
        {
            ["acknowledged by the killed instance"] = acksBefore.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["survivor's first answer after the kill"] = FaultReport.Seconds(ledger.FirstAckAfter(killedAt, instance: 1)),
            ["every webhook replied"] = FaultReport.Seconds(allReplied) + " after the kill",
        });
        report.Assert();
        Assert.True(acksBefore > 0, $"the killed instance acknowledged nothing, so its kill proved nothing: {report}");
        Assert.True(ledger.Acks.Count(a => a.Instance == 1 && a.At > killedAt) > 0, $"the survivor served nothing after the kill: {report}");
        Assert.True(ledger.FirstAckAfter(killedAt, instance: 1) < TimeSpan.FromSeconds(10), $"the survivor took too long to answer after the kill: {report}");
    }
}
