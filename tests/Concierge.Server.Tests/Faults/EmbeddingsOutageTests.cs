using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Server.Tests.Knowledge;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// Fault 5, embeddings: with hybrid search on (EMBEDDINGS_MODEL and a provider key), the provider's
/// <c>/v1/embeddings</c> answers 500 for a while as operators upload documents and search the
/// knowledge base, then recovers. Uploads are still taken (201) and indexed for BM25, searches
/// still answer (ranked lexically), nothing answers 5xx, and once the provider is back each
/// document's <c>knowledge.embed</c> job embeds it once (no job dead) and searches fuse again.
/// </summary>
public sealed class EmbeddingsOutageTests
{
    private const string Query = "cakes delivered";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_embeddings_outage_keeps_uploads_and_searches_answering_and_each_document_is_embedded_once_when_it_returns()
    {
        await using var model = await FakeOpenAiServer.StartAsync(Ct);
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-embeddings-0123456789",
            ["OPENAI_BASE_URL"] = model.BaseUrl.ToString(),
            ["EMBEDDINGS_MODEL"] = "text-embedding-3-small",
            ["RATE_LIMIT_PER_MINUTE"] = "0",
            ["Concierge:Jobs:PollInterval"] = "00:00:00.050",
        });
        var operatorClient = app.OperatorClient();
        var answers = new ConcurrentDictionary<string, int>();
        var documents = new ConcurrentQueue<(string Marker, TimeSpan At)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var uploading = Task.Run(() => UploadAsync(operatorClient, documents, answers, clock, stop.Token), Ct);
        var searching = Enumerable.Range(0, 2).Select(_ => Task.Run(() => SearchAsync(app.OperatorClient(), answers, stop.Token), Ct)).ToList();

        await Task.Delay(FaultScale.Pick(2, 10), Ct);
        model.FailEmbeddings = true;
        var downAt = clock.Elapsed;
        var outage = FaultScale.Pick(5, 30);
        await Task.Delay(outage, Ct);
        var refused = model.Requests.Count(r => r.Path.EndsWith("/embeddings", StringComparison.Ordinal)) - model.Embedded.Count;
        model.FailEmbeddings = false;
        var backAt = clock.Elapsed;
        await Task.Delay(FaultScale.Pick(2, 10), Ct);
        await stop.CancelAsync();
        await uploading;
        await Task.WhenAll(searching);

        // The backoff doubles from 2 s with jitter: a job refused three times waits up to ~14 s more.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (documents.Any(d => EmbeddedCount(model, d.Marker) == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
        }

        var allEmbedded = clock.Elapsed - backAt;
        await Task.Delay(TimeSpan.FromSeconds(2), Ct); // a job run again would embed again now
        var notEmbedded = documents.Where(d => EmbeddedCount(model, d.Marker) == 0).Select(d => d.Marker).ToList();
        var embeddedTwice = documents.Where(d => EmbeddedCount(model, d.Marker) > 1).Select(d => d.Marker).ToList();
        var dead = (await operatorClient.GetFromJsonAsync<JsonObject>("/api/v1/jobs?state=dead", Ct))!["jobs"]!.AsArray();
        var queriesBefore = QueryEmbeddings(model);
        using (var after = await operatorClient.GetAsync($"/api/v1/knowledge/search?q={Uri.EscapeDataString(Query)}", Ct))
        {
            answers.AddOrUpdate($"search after {(int)after.StatusCode}", 1, (_, c) => c + 1);
        }

        var report = string.Create(CultureInfo.InvariantCulture,
            $"embeddings answering 500 for {outage.TotalSeconds:0} s: documents uploaded {documents.Count} ({documents.Count(d => d.At > downAt && d.At < backAt)} during the outage), embedding calls refused {refused}, not embedded {notEmbedded.Count}, embedded twice {embeddedTwice.Count}, every document embedded {FaultReport.Seconds(notEmbedded.Count == 0 ? allEmbedded : null)} after the provider was back, dead jobs {dead.Count}; answers: {string.Join(", ", answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} x{a.Value}"))}");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        if (Environment.GetEnvironmentVariable("CONCIERGE_FAULTS_REPORT") is { Length: > 0 } file)
        {
            await File.AppendAllTextAsync(file, $"{DateTimeOffset.UtcNow:u} {(FaultScale.Long ? "long" : "short")} {report}{Environment.NewLine}", Ct);
        }

        Assert.True(refused > 0, $"the provider refused nothing, so the outage proved nothing: {report}");
        Assert.True(documents.Any(d => d.At > downAt && d.At < backAt), $"no document was uploaded during the outage: {report}");
        Assert.True(answers.Keys.All(k => k.EndsWith(" 201", StringComparison.Ordinal) || k.EndsWith(" 200", StringComparison.Ordinal)), $"a request was refused or failed while only the embeddings provider was down: {report}");
        Assert.True(notEmbedded.Count == 0, $"documents never embedded after the provider came back: {string.Join(", ", notEmbedded.Take(5))} {report}");
        Assert.True(embeddedTwice.Count == 0, $"documents embedded twice (a job ran again after it succeeded): {string.Join(", ", embeddedTwice.Take(5))} {report}");
        Assert.True(dead.Count == 0, $"a job died of the outage: {dead.ToJsonString()}");
        Assert.True(QueryEmbeddings(model) > queriesBefore, $"the search after recovery did not embed its query (not fused): {report}");
    }

    private static int EmbeddedCount(FakeOpenAiServer model, string marker) =>
        model.Embedded.Count(r => r.RawBody.Contains(marker, StringComparison.Ordinal));

    private static int QueryEmbeddings(FakeOpenAiServer model) =>
        model.Embedded.Count(r => r.RawBody.Contains($"\"{Query}\"", StringComparison.Ordinal));

    /// <summary>An operator uploading a small document every ~200 ms, each with a word of its own.</summary>
    private static async Task UploadAsync(
        HttpClient client, ConcurrentQueue<(string, TimeSpan)> documents, ConcurrentDictionary<string, int> answers, System.Diagnostics.Stopwatch clock, CancellationToken stop)
    {
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var marker = $"marker{Guid.NewGuid():N}";
            using var response = await client.UploadAsync($"note-{n}.md", $"# Delivery note {n}\n\nOur {marker} cakes are delivered within {n} hours of the order.\n");
            answers.AddOrUpdate($"upload {(int)response.StatusCode}", 1, (_, c) => c + 1);
            if (response.IsSuccessStatusCode)
            {
                documents.Enqueue((marker, clock.Elapsed));
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }

    private static async Task SearchAsync(HttpClient client, ConcurrentDictionary<string, int> answers, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var response = await client.GetAsync($"/api/v1/knowledge/search?q={Uri.EscapeDataString(Query)}", CancellationToken.None);
            answers.AddOrUpdate($"search {(int)response.StatusCode}", 1, (_, c) => c + 1);
            await Task.Delay(100, CancellationToken.None);
        }
    }
}
