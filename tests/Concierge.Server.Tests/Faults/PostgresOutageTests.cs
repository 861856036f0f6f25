using System.Net;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.Postgres;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// Fault 2: PostgreSQL crashes (immediate shutdown: no checkpoint, crash recovery on the next
/// start) under load and stays away for a while (5 s in the suite, 30 s in the long run). Meanwhile
/// the instances answer 503 with Retry-After and readiness fails; once it is back they serve again
/// by themselves, and every turn acknowledged before, during or after is there exactly once.
/// </summary>
public sealed class PostgresOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_PostgreSQL_crash_and_outage_under_load_answers_503_with_Retry_After_and_loses_nothing_acknowledged()
    {
        if (!PostgresDatabases.IsInstalled)
        {
            await PostgresDatabases.ServerAsync(); // skips locally, fails under CI=true
        }

        // A cluster of its own (the shared one serves the other tests) that keeps what it acknowledged through a crash.
        await using var postgres = await PostgresServer.StartAsync(PostgresBinaries.Find()!, crashSafe: true, Ct);
        var url = postgres.UrlFor(await postgres.CreateDatabaseAsync(Ct));
        var environment = new Dictionary<string, string> { ["RATE_LIMIT_PER_MINUTE"] = "0" };
        using var instances = await FaultInstances.StartAsync(url, environment);
        var first = instances.Processes[0];
        var firstOperator = instances.Operators[0];
        var ledger = new FaultLedger();
        var load = new FaultLoad(instances.Targets, ledger).Start(chats: 4, streams: 2);

        await Task.Delay(FaultScale.Pick(4, 30), Ct);
        await postgres.CrashAsync();
        var crashedAt = ledger.Now;
        var outage = FaultScale.Pick(5, 30);
        var readiness = new List<HttpStatusCode>();
        while (ledger.Now - crashedAt < outage)
        {
            using var ready = await first.Http.GetAsync("/health/ready", Ct);
            readiness.Add(ready.StatusCode);
            await Task.Delay(250, Ct);
        }

        await postgres.StartAgainAsync(Ct);
        var backAt = ledger.Now;
        TimeSpan? readyAgain = null;
        while (readyAgain is null && ledger.Now - backAt < TimeSpan.FromSeconds(60))
        {
            using var ready = await first.Http.GetAsync("/health/ready", Ct);
            readyAgain = ready.IsSuccessStatusCode ? ledger.Now - backAt : null;
            await Task.Delay(50, Ct);
        }

        await Task.Delay(FaultScale.Pick(4, 30), Ct);
        await load.StopAsync();

        var report = await FaultChecker.CheckAsync($"PostgreSQL crash and {outage.TotalSeconds:0} s outage (two instances)", ledger, firstOperator, measures: new Dictionary<string, string>
        {
            ["ready again"] = FaultReport.Seconds(readyAgain) + " after PostgreSQL was back",
            ["first turn served"] = FaultReport.Seconds(ledger.FirstAckAfter(backAt)) + " after PostgreSQL was back",
            ["acknowledged during the outage"] = ledger.Acks.Count(a => a.At > crashedAt + TimeSpan.FromSeconds(1) && a.At < backAt).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        report.Assert();
        Assert.Contains(HttpStatusCode.ServiceUnavailable, readiness);
        Assert.DoesNotContain(HttpStatusCode.OK, readiness.Skip(4)); // after a second, readiness must have noticed
        Assert.True(ledger.RefusedWith(l => l == "503 with Retry-After") > 0, $"no 503 with Retry-After during the outage: {report}");
        Assert.True(ledger.RefusedWith(l => l.StartsWith('5') && l != "503 with Retry-After") == 0, $"a 5xx other than 503 with Retry-After: {report}");
        Assert.NotNull(readyAgain);
        Assert.True(ledger.FirstAckAfter(backAt) is { } served && served < TimeSpan.FromSeconds(30), $"turns did not resume: {report}");
    }
}
