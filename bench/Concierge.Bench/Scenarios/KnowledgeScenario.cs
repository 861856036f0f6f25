using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Concierge.Bench.Scenarios;

/// <summary>
/// Knowledge (seed 001): indexes a generated collection (1,000 documents of about ten chunks each
/// by default; <c>--quick</c> makes it 20) through the upload API, reports the indexing
/// throughput, then measures GET /api/v1/knowledge/search under load over the whole collection.
/// The documents are made of topic words so that queries hit a few of them, not all or none.
/// </summary>
public sealed class KnowledgeScenario : Scenario
{
    private static readonly string[] Topics =
    [
        "refund", "delivery", "warranty", "invoice", "password", "booking", "cancellation", "shipping", "voucher", "subscription",
        "allergy", "parking", "opening", "holiday", "payment", "discount", "catering", "privacy", "complaint", "membership",
    ];

    private static readonly string[] Filler =
    [
        "customers", "usually", "should", "contact", "the", "team", "within", "days", "after", "their", "order", "arrives", "and",
        "keep", "receipt", "for", "any", "question", "about", "policy", "our", "staff", "will", "answer", "by", "email", "phone",
    ];

    public override string Name => "knowledge-search";

    public override string Title => "GET /api/v1/knowledge/search over {0:N0} documents ({1:N0} chunks)";

    public override async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var documents = context.Options.Quick ? 20 : 1000;
        var database = await context.Databases.CreateAsync(cancellationToken);
        var key = await context.Servers.OperatorKeyAsync(database, cancellationToken);
        await using var server = await context.Servers.ConciergeAsync(database, withModel: false, cancellationToken);
        using var client = BenchContext.Client(server.BaseUrl);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var (seconds, chunks) = await IndexAsync(client, documents, cancellationToken);
        context.Log.WriteLine($"[{database.Provider}] knowledge: indexed {documents} documents ({chunks} chunks) in {seconds:F1} s");

        var users = context.Options.Connections;
        var next = 0;
        var requests = new Load.RequestSource(_ =>
        {
            var n = Interlocked.Increment(ref next);
            var query = $"how does {Topics[n % Topics.Length]} {Topics[(n / Topics.Length) % Topics.Length]} work";
            return new HttpRequestMessage(HttpMethod.Get, "/api/v1/knowledge/search?q=" + Uri.EscapeDataString(query));
        });
        var title = string.Format(CultureInfo.InvariantCulture, Title, documents, chunks);
        var extra = new Dictionary<string, double>
        {
            ["documents"] = documents,
            ["chunks"] = chunks,
            ["index_documents_per_s"] = documents / seconds,
            ["index_chunks_per_s"] = chunks / seconds,
        };
        return await context.MeasureAsync(Name, title, null, server, client, users, requests, extra, cancellationToken);
    }

    // Four uploaders at a time, as an operator's import script would; each upload is indexed before it answers.
    private static async Task<(double Seconds, long Chunks)> IndexAsync(HttpClient client, int documents, CancellationToken cancellationToken)
    {
        long chunks = 0;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(0, documents, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Document(i)));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
            form.Add(file, "file", $"doc-{i:D4}.md");
            using var response = await client.PostAsync("/api/v1/knowledge/documents", form, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"upload {i} answered {(int)response.StatusCode}: {body}");
            }

            var count = System.Text.Json.JsonDocument.Parse(body).RootElement.TryGetProperty("chunks", out var c) && c.TryGetInt64(out var n) ? n : 0;
            Interlocked.Add(ref chunks, count);
        });
        return (Stopwatch.GetElapsedTime(started).TotalSeconds, chunks);
    }

    // Ten sections per document, each a heading and a paragraph about two topics.
    private static string Document(int index)
    {
        var random = new Random(index);
        var text = new StringBuilder($"# Help article {index}\n\n");
        for (var section = 0; section < 10; section++)
        {
            var topic = Topics[random.Next(Topics.Length)];
            var other = Topics[random.Next(Topics.Length)];
            text.Append(CultureInfo.InvariantCulture, $"## {topic} and {other} ({index}.{section})\n\n");
            for (var word = 0; word < 90; word++)
            {
                text.Append(word % 11 == 0 ? topic : word % 17 == 0 ? other : Filler[random.Next(Filler.Length)]).Append(' ');
            }

            text.Append("\n\n");
        }

        return text.ToString();
    }
}
