using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Channels;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeTwilio;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// Fault 5, Twilio: its REST API refuses every send for a while (its 500, its 429 and a proxy's HTML
/// 503, in turn) under a stream of signed Twilio webhooks, then recovers. TWILIO_REPLY_WITHIN is 0,
/// so no reply goes back as TwiML on the webhook's own answer: every one is a <c>channel.send</c>
/// job through the REST API. Webhooks keep being acknowledged during the outage; once Twilio is back
/// each customer gets exactly one reply and no job is dead.
/// </summary>
public sealed class TwilioOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Twilio_refusing_sends_for_a_while_delays_the_replies_and_then_delivers_each_exactly_once()
    {
        await using var twilio = await FakeTwilioServer.StartAsync(Ct);
        var url = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var environment = TwilioFixtures.Settings(twilio.BaseUrl, replyWithin: "0s").ToDictionary(kv => kv.Key, kv => kv.Value!);
        environment["RATE_LIMIT_PER_MINUTE"] = "0";
        using var server = await ServerProcess.StartReadyAsync(url, environment);
        using var operatorClient = server.OperatorClient();
        var ledger = new FaultLedger();
        var load = new FaultLoad(new FaultTargets([(server.Http, operatorClient)]), ledger).Start(chats: 1, twilio: 3);

        await Task.Delay(FaultScale.Pick(2, 10), Ct);
        twilio.FailSends();
        var downAt = ledger.Now;
        var outage = FaultScale.Pick(5, 30);
        await Task.Delay(outage, Ct);
        var acknowledgedDuringOutage = ledger.Acks.Count(a => a.Kind == AckKind.Twilio && a.At > downAt);
        var refusedByTwilio = twilio.Requests.Count - twilio.Accepted.Count;
        twilio.RestoreSends();
        var backAt = ledger.Now;
        await Task.Delay(FaultScale.Pick(2, 10), Ct);
        await load.StopAsync();

        // The backoff doubles from 2 s with jitter: a reply refused three times waits up to ~14 s more.
        var expected = ledger.Acks.Count(a => a.Kind == AckKind.Twilio);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (FaultChecker.RepliesFor(ledger, twilio) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
        }

        var allReplied = ledger.Now - backAt;
        await Task.Delay(TimeSpan.FromSeconds(2), Ct); // a late second send would show now
        var dead = (await operatorClient.GetFromJsonAsync<JsonObject>("/api/v1/jobs?state=dead", Ct))!["jobs"]!.AsArray();
        var report = await FaultChecker.CheckAsync($"Twilio refusing every send for {outage.TotalSeconds:0} s", ledger, operatorClient, measures: new Dictionary<string, string>
        {
            ["webhooks acknowledged during the outage"] = acknowledgedDuringOutage.ToString(CultureInfo.InvariantCulture),
            ["sends Twilio refused"] = refusedByTwilio.ToString(CultureInfo.InvariantCulture),
            ["every webhook replied"] = FaultReport.Seconds(allReplied) + " after Twilio was back",
            ["dead jobs"] = dead.Count.ToString(CultureInfo.InvariantCulture),
        }, twilio: twilio);
        report.Assert();
        Assert.True(acknowledgedDuringOutage > 0, $"no webhook was acknowledged while Twilio was down: {report}");
        Assert.True(refusedByTwilio > 0, $"Twilio refused no send, so the outage proved nothing: {report}");
        Assert.True(dead.Count == 0, $"a job died of the outage: {dead.ToJsonString()}");
        Assert.True(ledger.Refusals.Count == 0, $"a request was refused while only Twilio was down: {report}");
    }
}
