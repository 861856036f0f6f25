using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Concierge.Server.Tests.Bookings;
using Concierge.Server.Tests.Channels;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeGraph;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// The soak: one server process under a steady mix (web turns, streams, WhatsApp webhooks, bookings,
/// knowledge uploads, operators' reads) for 2 minutes in the suite, 30 with
/// <c>CONCIERGE_FAULTS=long</c>. RSS, managed heap, threads, open file descriptors (connections
/// among them), the job queue's lag and the mix's p99 are sampled at each interval; the run fails on
/// a lost or doubled item, a 5xx, or growth after the warm-up (the first sample after the first
/// fifth of the run): RSS or heap over the allowance, or a job lag that keeps growing.
/// </summary>
public sealed class SoakTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_steady_mix_keeps_memory_threads_and_job_lag_flat_and_loses_nothing()
    {
        var duration = FaultScale.Pick(120, 1800);
        var interval = FaultScale.Pick(15, 60);
        await using var graph = await FakeGraphServer.StartAsync(Ct);
        var environment = ChannelFixtures.Settings(graph.BaseUrl).ToDictionary(kv => kv.Key, kv => kv.Value!);
        environment["RATE_LIMIT_PER_MINUTE"] = "0";
        using var server = await ServerProcess.StartReadyAsync(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), environment);
        using var operatorClient = server.OperatorClient();
        await BookingSetup.ServiceAsync(operatorClient, capacity: 100000, maxParty: 8);
        // A horizon that holds a day per 100 bookings for the whole run (BookingsPerDay, Days).
        using (var policy = await operatorClient.PutAsync(
            "/api/v1/booking-policy", Json.Body("""{"time_zone":"UTC","slot_minutes":60,"lead_time_minutes":60,"horizon_days":400}"""), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        }

        var ledger = new FaultLedger();
        var latencies = new ConcurrentQueue<(TimeSpan At, double Ms)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var load = new FaultLoad(new FaultTargets([(server.Http, operatorClient)]), ledger) { TurnsPerSession = 20 }.Start(chats: 1, streams: 1, webhooks: 1);
        var mix = Task.Run(() => MixAsync(operatorClient, ledger, latencies, stop.Token), Ct);

        var samples = new List<SoakSample>();
        var started = ledger.Now;
        while (ledger.Now - started < duration)
        {
            await Task.Delay(interval, Ct);
            samples.Add(await SoakSample.TakeAsync(server, latencies, ledger.Now - interval, ledger.Now));
        }

        await stop.CancelAsync();
        await load.StopAsync();
        await mix;

        var report = new StringBuilder("soak ").Append(duration.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)).AppendLine(" min:");
        samples.ForEach(s => report.AppendLine(s.ToString()));
        var reportText = report.ToString();
        TestContext.Current.TestOutputHelper?.WriteLine(reportText);
        if (Environment.GetEnvironmentVariable("CONCIERGE_FAULTS_REPORT") is { Length: > 0 } file)
        {
            await File.AppendAllTextAsync(file, reportText, Ct);
        }

        // Every acknowledged webhook's reply goes out before the check counts them.
        var expected = ledger.Acks.Count(a => a.Kind == AckKind.WhatsApp);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (FaultChecker.RepliesFor(ledger, graph) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
        }

        var checkedItems = await FaultChecker.CheckAsync("soak", ledger, operatorClient, graph);
        checkedItems.Assert();
        Assert.True(ledger.RefusedWith(l => l.StartsWith('5')) == 0, $"server errors during the soak: {checkedItems}");

        // After the warm-up: memory may breathe (GC), not climb. The short run allows more, as a
        // 2-minute run is still warming its caches and pools.
        var warm = samples.Skip(Math.Max(1, samples.Count / 5)).ToList();
        var allowance = FaultScale.Long ? 1.10 : 1.30;
        Assert.True(warm[^1].RssBytes <= warm[0].RssBytes * allowance, $"RSS grew more than {allowance - 1:P0} after the warm-up:\n{reportText}");
        Assert.True(warm[^1].HeapBytes <= Math.Max(warm[0].HeapBytes * allowance * 1.5, warm[0].HeapBytes + (64 << 20)), $"the managed heap grew after the warm-up:\n{reportText}");
        Assert.True(warm.TakeLast(3).Max(s => s.JobLagSeconds) < 10, $"the job queue's lag grew:\n{reportText}");
        Assert.True(warm[^1].Threads <= warm[0].Threads + 20, $"threads grew after the warm-up:\n{reportText}");
    }

    // A realistic tenant's shape, so that what the mix reads stays the size a real one's would:
    // a day takes this many bookings (a busy restaurant's) before the mix books into the next one (the first run booked
    // every round into one day and listed that whole day, thousands of bookings by minute 19).
    private const int BookingsPerDay = 100;

    // Days the mix books into before it comes back to the first (within the soak's horizon of 400):
    // a 30-minute run (about 9 rounds a second on 2 cores) fills fewer than half of them.
    private const int Days = 365;

    // Knowledge documents kept: each upload past this many deletes the oldest through the API (the
    // first run uploaded into one tenant every tenth round and never deleted, so its in-memory
    // index grew with the run).
    private const int KeptDocuments = 20;

    // Bookings, uploads and operators' reads beside the chat load, at a steady pace; each timed,
    // and every booking and upload the server acknowledged written into the ledger for the checker.
    private static async Task MixAsync(HttpClient client, FaultLedger ledger, ConcurrentQueue<(TimeSpan, double)> latencies, CancellationToken stop)
    {
        var documents = new Queue<string>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                var day = BookingSetup.InDays(1 + (i / BookingsPerDay % Days));
                var guest = $"Soak Guest {i}";
                using (var booked = await TimedAsync(() => client.PostAsync(
                    "/api/v1/bookings", BookingSetup.Booking($"{day}T{10 + (i % 10):00}:00", party: 1 + (i % 4), name: guest), stop)))
                {
                    if (booked.StatusCode == HttpStatusCode.Created)
                    {
                        ledger.Acknowledged(AckKind.Booking, day, guest, 0);
                    }
                }

                (await TimedAsync(() => client.GetAsync("/api/v1/sessions?limit=20", stop))).Dispose();
                (await TimedAsync(() => client.GetAsync($"/api/v1/bookings?date={day}", stop))).Dispose();
                if (i % 10 == 0)
                {
                    using var form = new MultipartFormDataContent();
                    form.Add(new StringContent($"# Soak note {i}\n\nDelivery number {i} leaves at {i % 24}:00 from dock {i % 7}.\n"), "file", $"soak-{i}.md");
                    using var uploaded = await TimedAsync(() => client.PostAsync("/api/v1/knowledge/documents", form, stop));
                    if (uploaded.StatusCode == HttpStatusCode.Created)
                    {
                        var id = (string)(await uploaded.ReadObjectAsync())["id"]!;
                        ledger.Acknowledged(AckKind.Document, "knowledge", id, 0);
                        documents.Enqueue(id);
                    }

                    if (documents.Count > KeptDocuments)
                    {
                        var oldest = documents.Dequeue();
                        using var deleted = await TimedAsync(() => client.DeleteAsync($"/api/v1/knowledge/documents/{oldest}", stop));
                        if (deleted.StatusCode == HttpStatusCode.NoContent)
                        {
                            ledger.Withdrawn(AckKind.Document, oldest);
                        }
                    }
                }

                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException e)
            {
                ledger.Failed(e);
            }
        }

        // Any refusal is counted (the run fails on a 5xx): a booking or upload the mix meant to make
        // and did not is visible in the report, not silently missing from the ledger.
        async Task<HttpResponseMessage> TimedAsync(Func<Task<HttpResponseMessage>> call)
        {
            var watch = Stopwatch.StartNew();
            var response = await call();
            latencies.Enqueue((ledger.Now, watch.Elapsed.TotalMilliseconds));
            if (!response.IsSuccessStatusCode)
            {
                ledger.Refused(response);
            }

            return response;
        }
    }
}

/// <summary>
/// One interval's reading of the soaked process, from /proc and its own /metrics: beside RSS, the
/// parts it is made of that can grow apart: the managed heap after the last GC, what the GC has
/// committed (the heap plus its free but kept space, which DATAS grows and shrinks with the load),
/// and SQLite's own allocator (page caches, statements; outside the GC). The heap count itself is
/// not exported; on this 2-core machine the server GC makes at most 2 heaps (both threads exist
/// from the start), so DATAS can only step between 1 and 2, and the committed bytes show what that costs.
/// </summary>
internal sealed record SoakSample(
    TimeSpan At, long RssBytes, long HeapBytes, long CommittedBytes, long SqliteBytes, int Threads, int OpenFiles, double JobLagSeconds, double P99Ms, int Requests)
{
    public static async Task<SoakSample> TakeAsync(ServerProcess server, ConcurrentQueue<(TimeSpan At, double Ms)> latencies, TimeSpan from, TimeSpan to)
    {
        var status = await File.ReadAllLinesAsync($"/proc/{server.Id}/status");
        long Field(string name) => long.Parse(status.First(l => l.StartsWith(name + ":", StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        var metrics = await server.Http.GetStringAsync("/metrics");
        var lines = metrics.Split('\n').Where(l => !l.StartsWith('#')).ToList();
        double Sum(string name) => lines.Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
        double Max(string name) => lines.Where(l => l.StartsWith(name + "{", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        var window = latencies.Where(l => l.At >= from && l.At < to).Select(l => l.Ms).Order().ToList();
        return new SoakSample(
            to,
            Field("VmRSS") * 1024,
            (long)Sum("dotnet_gc_last_collection_heap_size_bytes"),
            (long)Sum("dotnet_gc_last_collection_memory_committed_size_bytes"),
            (long)Sum("concierge_db_sqlite_memory_used_bytes"),
            (int)Field("Threads"),
            Directory.GetFileSystemEntries($"/proc/{server.Id}/fd").Length,
            Max("concierge_jobs_queue_lag_seconds"),
            window.Count == 0 ? 0 : window[Math.Min(window.Count - 1, (int)Math.Ceiling(window.Count * 0.99) - 1)],
            window.Count);
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"  {At.TotalSeconds,6:0} s: RSS {Mb(RssBytes)} MB, heap {Mb(HeapBytes)} MB, committed {Mb(CommittedBytes)} MB, sqlite {Mb(SqliteBytes)} MB, threads {Threads}, fds {OpenFiles}, job lag {JobLagSeconds:0.0} s, mix p99 {P99Ms:0} ms over {Requests} requests");
}
