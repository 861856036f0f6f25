using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Concierge.Agents;
using Concierge.Jobs;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Storage;
using Concierge.Storage.Jobs;

namespace Concierge.Server.Tests.Jobs;

/// <summary>
/// Two real server processes (<c>dotnet Concierge.Server.dll</c>) on one PostgreSQL database share
/// the queue. Their jobs are of a kind neither runs, so each claim ends dead at once, and a job's
/// attempts say how often it was claimed: once each, by one of the two processes.
/// </summary>
public sealed class TwoProcessesTests
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "Concierge.Server.dll");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_server_processes_on_one_PostgreSQL_database_claim_each_of_200_jobs_exactly_once()
    {
        var url = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        using var first = Start(url, out var firstPort);
        using var second = Start(url, out var secondPort);
        try
        {
            await WaitForHealthAsync(firstPort);
            await WaitForHealthAsync(secondPort);
            await using var jobs = JobHarness.Open(url, clock: TimeProvider.System);
            var db = jobs.Database;
            var requests = Enumerable.Range(0, 200).Select(_ => new JobRequest("test.nobody-runs-this", [])).ToList();
            IReadOnlyList<Guid> ids = [];
            await db.WriteAsync((c, t) => JobRows.Append(new SqlBatch(db), db, DemoTenant.TenantId, requests, DateTimeOffset.UtcNow, 8, out ids).ExecuteAsync(c, t, Ct), Ct);

            IReadOnlyList<Job> dead = [];
            await JobHarness.EventuallyAsync(
                async () => (dead = await jobs.Store.ListAsync(DemoTenant.TenantId, JobState.Dead, null, null, 500, Ct)).Count == 200,
                "both processes have claimed all 200 jobs",
                TimeSpan.FromSeconds(60));

            Assert.Equal(ids.Order(), dead.Select(j => j.Id).Order());
            Assert.All(dead, j => Assert.Equal(1, j.Attempts));
            Assert.All(dead, j => Assert.StartsWith("No handler for job kind 'test.nobody-runs-this'", j.LastError, StringComparison.Ordinal));
            var processes = dead.Select(j => j.ClaimedBy!.Split(':')[1]).Order(StringComparer.Ordinal).Distinct();
            var expected = new[] { first.Id, second.Id }.Select(p => p.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal);
            Assert.Equal(expected, processes);
        }
        finally
        {
            foreach (var process in new[] { first, second })
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    private static Process Start(string url, out int port)
    {
        port = FreePort();
        var start = new ProcessStartInfo("dotnet", [ServerDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        start.Environment["DATABASE_URL"] = url;
        start.Environment["SECRET_KEY"] = Infrastructure.ConciergeApp.TestSecretKey;
        start.Environment["LOG_LEVEL"] = "CRITICAL";
        start.Environment["Concierge__Jobs__PollInterval"] = "20ms";
        start.Environment["Concierge__Jobs__BatchSize"] = "2";
        start.Environment["Concierge__Jobs__Concurrency"] = "2";
        start.Environment.Remove("OPENAI_API_KEY");
        return Process.Start(start)!;
    }

    private static async Task WaitForHealthAsync(int port)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/health/ready", Ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The server on port {port} did not become ready.");
            }

            await Task.Delay(100, Ct);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
