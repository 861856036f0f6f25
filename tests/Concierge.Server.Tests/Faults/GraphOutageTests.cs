using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Channels;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeGraph;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// Fault 5: Meta's Graph API fails every send for a while (its transient 500, its 429 throughput
/// error and a proxy's HTML 503, in turn) under a stream of signed WhatsApp webhooks, then recovers.
/// Webhooks keep being acknowledged during the outage; the replies wait as retried
/// <c>channel.send</c> jobs, and once Graph is back each customer gets exactly one reply and no job
/// is dead.
/// </summary>
public sealed class GraphOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Graph_failing_sends_for_a_while_delays_the_replies_and_then_delivers_each_exactly_once()
    {
        await using var graph = await FakeGraphServer.StartAsync(Ct);
        var url = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var environment = ChannelFixtures.Settings(graph.BaseUrl).ToDictionary(kv => kv.Key, kv => kv.Value!);
        environment["RATE_LIMIT_PER_MINUTE"] = "0";
        using var server = await ServerProcess.StartReadyAsync(url, environment);
        using var operatorClient = server.OperatorClient();
        var ledger = new FaultLedger();
        var load = new FaultLoad(new FaultTargets([(server.Http, operatorClient)]), ledger).Start(chats: 1, webhooks: 3);

        await Task.Delay(FaultScale.Pick(2, 10), Ct);
        graph.FailSends();
        var downAt = ledger.Now;
        var outage = FaultScale.Pick(5, 30);
        await Task.Delay(outage, Ct);
        var acknowledgedDuringOutage = ledger.Acks.Count(a => a.Kind == AckKind.WhatsApp && a.At > downAt);
        var refusedByGraph = graph.Sent.Count - graph.Accepted.Count;
        graph.RestoreSends();
        var backAt = ledger.Now;
        await Task.Delay(FaultScale.Pick(2, 10), Ct);
        await load.StopAsync();

        // The backoff doubles from 2 s with jitter: a reply refused three times waits up to ~14 s more.
        var expected = ledger.Acks.Count(a => a.Kind == AckKind.WhatsApp);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (FaultChecker.RepliesFor(ledger, graph) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
        }

        var allReplied = ledger.Now - backAt;
        await Task.Delay(TimeSpan.FromSeconds(2), Ct); // a late second send would show now
        var dead = (await operatorClient.GetFromJsonAsync<JsonObject>("/api/v1/jobs?state=dead", Ct))!["jobs"]!.AsArray();
        var report = await FaultChecker.CheckAsync($"Graph refusing every send for {outage.TotalSeconds:0} s", ledger, operatorClient, graph, new Dictionary<string, string>
        {
            ["webhooks acknowledged during the outage"] = acknowledgedDuringOutage.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sends Graph refused"] = refusedByGraph.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["every webhook replied"] = FaultReport.Seconds(allReplied) + " after Graph was back",
            ["dead jobs"] = dead.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        report.Assert();
        Assert.True(acknowledgedDuringOutage > 0, $"no webhook was acknowledged while Graph was down: {report}");
        Assert.True(refusedByGraph > 0, $"Graph refused no send, so the outage proved nothing: {report}");
        Assert.True(dead.Count == 0, $"a job died of the outage: {dead.ToJsonString()}");
        Assert.True(ledger.Refusals.Count == 0, $"a request was refused while only Graph was down: {report}");
    }
}
