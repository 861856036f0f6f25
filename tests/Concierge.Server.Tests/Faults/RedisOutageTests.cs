using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.Redis;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// Fault 3: Redis (the shared rate-limit counters) stops mid-load and comes back. Under the default
/// policy (<c>Concierge:RateLimits:RedisDown=local</c>) each instance limits alone and turns keep
/// being served; under <c>reject</c> limited routes answer 503 with Retry-After until Redis is back.
/// Either way nothing acknowledged is lost and the instance returns to Redis by itself.
/// </summary>
public sealed class RedisOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("local")]
    [InlineData("reject")]
    public async Task Redis_going_down_mid_load_applies_the_configured_policy_and_loses_no_turn(string whenDown)
    {
        await using var redis = await RedisServer.StartOrSkipAsync(Ct);
        Assert.SkipWhen(redis is null, "redis-server is not installed");
        var url = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        using var server = await ServerProcess.StartReadyAsync(url, new Dictionary<string, string>
        {
            ["REDIS_URL"] = redis!.Url,
            ["RATE_LIMIT_PER_MINUTE"] = "100000",
            ["Concierge__RateLimits__RedisDown"] = whenDown,
        });
        using var operatorClient = server.OperatorClient();
        var ledger = new FaultLedger();
        var load = new FaultLoad(new FaultTargets([(server.Http, operatorClient)]), ledger).Start(chats: 3, streams: 1);

        await Task.Delay(FaultScale.Pick(3, 20), Ct);
        await redis.StopAsync();
        var downAt = ledger.Now;
        var outage = FaultScale.Pick(4, 30);
        await Task.Delay(outage, Ct);
        var refusedDuringOutage = ledger.RefusedWith(l => l.StartsWith("503", StringComparison.Ordinal));
        var servedDuringOutage = ledger.Acks.Count(a => a.At > downAt + TimeSpan.FromSeconds(1));
        await redis.StartAgainAsync(Ct);
        var backAt = ledger.Now;
        TimeSpan? redisOk = null;
        while (redisOk is null && ledger.Now - backAt < TimeSpan.FromSeconds(60))
        {
            using var health = await server.Http.GetAsync("/health", Ct);
            redisOk = (await health.Content.ReadAsStringAsync(Ct)).Contains("\"redis\":\"ok\"", StringComparison.Ordinal) ? ledger.Now - backAt : null;
            await Task.Delay(100, Ct);
        }

        await Task.Delay(FaultScale.Pick(3, 20), Ct);
        await load.StopAsync();

        var report = await FaultChecker.CheckAsync($"Redis down {outage.TotalSeconds:0} s, policy {whenDown}", ledger, operatorClient, measures: new Dictionary<string, string>
        {
            ["served during the outage"] = servedDuringOutage.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Redis in use again"] = FaultReport.Seconds(redisOk) + " after it was back",
            ["first turn after"] = FaultReport.Seconds(ledger.FirstAckAfter(backAt)),
        });
        report.Assert();
        Assert.True(ledger.RefusedWith(l => l.StartsWith('5') && l != "503 with Retry-After") == 0, $"a 5xx other than 503 with Retry-After: {report}");
        Assert.NotNull(redisOk);
        if (whenDown == "local")
        {
            Assert.True(servedDuringOutage > 0 && refusedDuringOutage == 0, $"turns stopped while Redis was down: {report}");
        }
        else
        {
            Assert.True(refusedDuringOutage > 0, $"the reject policy refused nothing while Redis was down: {report}");
            Assert.True(ledger.FirstAckAfter(backAt) is not null, $"turns did not resume after Redis came back: {report}");
        }
    }
}
