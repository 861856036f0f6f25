using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Concierge.Server.RateLimits;
using Concierge.Server.Streaming;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Tenants;
using Concierge.Testing.FakeGraph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Concierge.Server.Tests.Faults.Hostile;

/// <summary>
/// Issue 19's hostile input at scale: every operation of the server's own /openapi/v1.json (read at
/// test time, so a new route is attacked without editing this test) gets <see cref="HostileRequests"/>
/// over real HTTP, as this tenant's admin. Every request must get a complete answer below 500, every
/// 4xx must be an RFC 9457 problem, another tenant's id must be 404 (or 403) and show none of its
/// data, and a refused request must change no row of any table (snapshotted after each request; an
/// accepted one may write, and the next comparison starts from what it wrote).
/// </summary>
public sealed class HostileInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Operations that cannot take hostile input, each with why. Everything else in the document
    /// must be exercised, or the test fails naming it.
    /// </summary>
    private static readonly Dictionary<string, string> NotAttacked = new()
    {
        // A WebSocket upgrade: plain HTTP gets 400 websocket_required before the id or any input is
        // read. Its ids, other tenants and frames are WebSocketTests' (over a real socket).
        ["GET /api/v1/sessions/{id}/ws"] = "WebSocket",
    };

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Every_operation_answers_hostile_input_with_a_problem_below_500_and_a_refusal_writes_nothing(DatabaseKind kind)
    {
        var clock = Stopwatch.StartNew();

        // SQLite gets every value kind in ./test.sh; PostgreSQL there gets the kinds every field must
        // (the wrong types, SQL, script, NUL, lone surrogate), and all of them with CONCIERGE_FAULTS=long.
        Func<HostileValue, bool> sample = kind == DatabaseKind.Sqlite || FaultScale.Long ? _ => true : v => v.Always;
        var databaseUrl = await TestDatabase.CreateAsync(kind);
        await using var graph = await FakeGraphServer.StartAsync(Ct);
        await using var app = new ConciergeApp(databaseUrl, Settings(graph)) { TestServices = QuietServer };
        app.StartListening();
        var (own, other) = await HostileTenants.SeedBothAsync(app);
        var client = app.ClientAs(Role.Admin);
        client.Timeout = TimeSpan.FromSeconds(60);
        var operations = ApiOperation.AllOf(await client.GetJsonAsync("/openapi/v1.json"));
        await using var database = await DatabaseSnapshot.OpenAsync(databaseUrl, Ct);
        var tally = new HostileTally($"{kind}, {(kind == DatabaseKind.Sqlite || FaultScale.Long ? "every value kind" : "sampled kinds")}");
        var before = await database.TakeAsync(Ct);

        // Deletes last, so the rows they remove are there for every other operation's requests.
        foreach (var operation in operations.Where(o => !NotAttacked.ContainsKey(o.Name)).OrderBy(o => o.Method == "DELETE"))
        {
            foreach (var request in HostileRequests.For(operation, own, other, sample))
            {
                var answer = await HostileAnswer.SendAsync(client, request, Ct);
                var after = answer.Accepted ? await SettledAsync(app, database) : await database.TakeAsync(Ct);
                tally.Record(operation, request, answer, answer.Accepted ? [] : DatabaseSnapshot.Changes(before, after), other);
                before = after;
            }
        }

        tally.Elapsed = clock.Elapsed;
        tally.Report(operations.Count, NotAttacked.Count);
        var unexercised = operations.Where(o => !NotAttacked.ContainsKey(o.Name) && !tally.Exercised.Contains(o.Name)).Select(o => $"{o.Name}: no hostile request reached it");
        var failures = tally.Failures.Concat(unexercised).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} failures:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(200))}");
    }

    // An accepted request may go on writing after its answer (the stream hub stores a stream's events
    // on a 50 ms timer): its events are flushed now, and the next comparison starts once two
    // snapshots 25 ms apart agree.
    private static async Task<IReadOnlyDictionary<string, string>> SettledAsync(ConciergeApp app, DatabaseSnapshot database)
    {
        await app.Services.GetRequiredService<TurnStreamHub>().FlushAsync(Ct);
        var last = await database.TakeAsync(Ct);
        for (var i = 0; i < 120; i++)
        {
            await Task.Delay(25, Ct);
            var now = await database.TakeAsync(Ct);
            if (DatabaseSnapshot.Changes(last, now).Count == 0)
            {
                return now;
            }

            last = now;
        }

        return last;
    }

    /// <summary>POSTs that take no body by design: an action on the resource the path names.</summary>
    private static readonly HashSet<string> Bodiless =
    [
        "POST /api/v1/keys/{id}/revoke", "POST /api/v1/templates/{id}/submit", "POST /api/v1/jobs/{id}/retry",
        "POST /api/v1/bookings/{id}/cancel", "POST /api/v1/knowledge/documents/{id}/reindex",
    ];

    [Fact]
    public async Task Every_post_put_and_patch_declares_its_body_in_the_openapi_document_unless_it_takes_none()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));

        var operations = ApiOperation.AllOf(await app.Client().GetJsonAsync("/openapi/v1.json"));

        // A body read by hand and left out of the document would get only the generic body attacks, not its fields'.
        var undeclared = operations.Where(o => o.TakesBody && o.Body is null && !Bodiless.Contains(o.Name)).Select(o => o.Name).ToList();
        var fieldless = operations.Where(o => o.Body is { IsJson: true, Fields.Count: 0 }).Select(o => o.Name).ToList();
        Assert.True(undeclared.Count == 0, $"no requestBody in the document: {string.Join(", ", undeclared)}");
        Assert.True(fieldless.Count == 0, $"a JSON body without fields in the document: {string.Join(", ", fieldless)}");
    }

    private static Dictionary<string, string?> Settings(FakeGraphServer graph) => new()
    {
        // Template submits reach Meta: a fake Graph that accepts, so a submit is not a 502 for want of one.
        ["WHATSAPP_GRAPH_BASE_URL"] = graph.BaseUrl.ToString(),
        ["WHATSAPP_GRAPH_VERSION"] = "v21.0",
        ["WHATSAPP_WABA_ID"] = "100000000000001",
        ["WHATSAPP_ACCESS_TOKEN"] = "EAAB-hostile-token",

        // Limits are RateLimitTests'; here a 429 would stand in front of the validation under test.
        ["RATE_LIMIT_PER_MINUTE"] = "0",
        ["GEOCODER_URL"] = "http://127.0.0.1:9/",
        ["GEOCODER_TIMEOUT"] = "2s",
        ["LOG_LEVEL"] = "WARNING",
    };

    // Only requests may write while the suite compares snapshots: the job worker, the recurring
    // scheduler and the router's analytics flusher would otherwise commit between two requests.
    // Per-route limits (login, router) are fixed in code, so the counter never counts.
    private static void QuietServer(IServiceCollection services)
    {
        services.RemoveAll<IRateCounter>();
        services.AddSingleton<IRateCounter, NeverCounts>();
        foreach (var background in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null).ToList())
        {
            services.Remove(background);
        }

        services.AddHostedService(sp => sp.GetRequiredService<TurnStreamHub>());
    }

    private sealed class NeverCounts : IRateCounter
    {
        public ValueTask<WindowCount> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken) => ValueTask.FromResult(new WindowCount(0, window));
    }
}

/// <summary>What came back for one hostile request: a status and body, or how the exchange failed.</summary>
internal sealed record HostileAnswer(int Status, string? MediaType, string Body, string? Failure)
{
    public bool Accepted => Status is >= 200 and < 300;

    public static async Task<HostileAnswer> SendAsync(HttpClient client, HostileRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, request.Url) { Content = request.Content() };
        try
        {
            using var response = await client.SendAsync(message, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, null);
        }
        catch (HttpRequestException e)
        {
            return new(0, null, string.Empty, $"no complete answer ({e.HttpRequestError}: {e.Message})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(0, null, string.Empty, "no answer within the client's timeout");
        }
    }

    /// <summary>Null when the body is an RFC 9457 problem for this status, else what is wrong with it.</summary>
    public string? ProblemDefect()
    {
        if (MediaType != "application/problem+json")
        {
            return $"a {Status} as {MediaType ?? "no body"}, not application/problem+json";
        }

        try
        {
            var problem = JsonNode.Parse(Body) as JsonObject;
            return problem?["type"] is JsonValue && problem["title"] is JsonValue && (int?)problem["status"] == Status
                ? null
                : $"a {Status} problem without type, title or the same status: {Excerpt}";
        }
        catch (System.Text.Json.JsonException)
        {
            return $"a {Status} problem that is not JSON: {Excerpt}";
        }
    }

    public string Excerpt => Body.Length > 300 ? Body[..300] + "…" : Body;
}

/// <summary>Counts by status class and the failures, with the report that docs/reliability.md quotes.</summary>
internal sealed class HostileTally(string database)
{
    private readonly SortedDictionary<int, int> _byStatus = [];
    private int _requests;

    public List<string> Failures { get; } = [];

    public HashSet<string> Exercised { get; } = [];

    public TimeSpan Elapsed { get; set; }

    public void Record(ApiOperation operation, HostileRequest request, HostileAnswer answer, IReadOnlyList<string> writes, TenantData other)
    {
        _requests++;
        Exercised.Add(operation.Name);
        _byStatus[answer.Status] = _byStatus.GetValueOrDefault(answer.Status) + 1;
        var name = $"{operation.Name} {request.Name}";
        if (answer.Failure is not null)
        {
            Failures.Add($"{name}: {answer.Failure}");
            return;
        }

        if (answer.Status >= 500)
        {
            Failures.Add($"{name}: {answer.Status} {answer.Excerpt}");
        }
        else if (answer.Status >= 400 && Defect(operation, request, answer) is { } defect)
        {
            Failures.Add($"{name}: {defect}");
        }

        // A body the operation reads, with a field sent twice or bytes that are not UTF-8, has no one meaning: it must be refused.
        if (answer.Accepted && operation.Body is { IsJson: true } && request.Target == "body" && request.Kind is "duplicate-key" or "invalid-utf8")
        {
            Failures.Add($"{name}: accepted with {answer.Status}");
        }

        if (request.OtherTenantsId && answer.Status is not (404 or 403))
        {
            Failures.Add($"{name}: another tenant's id answered {answer.Status}, not 404 {answer.Excerpt}");
        }

        if (other.Secrets.FirstOrDefault(s => !request.Url.Contains(Uri.EscapeDataString(s), StringComparison.Ordinal) && answer.Body.Contains(s, StringComparison.Ordinal)) is { } leaked)
        {
            Failures.Add($"{name}: the answer shows another tenant's '{leaked}'");
        }

        if (writes.Count > 0)
        {
            Failures.Add($"{name}: refused with {answer.Status} but wrote {string.Join("; ", writes)}");
        }
    }

    private static string? Defect(ApiOperation operation, HostileRequest request, HostileAnswer answer)
    {
        // The OpenAI-compatible routes answer in OpenAI's error shape, which its client libraries parse
        // (the edge's refusals before the route, 413 and 415, stay problem documents).
        if (operation.Path.StartsWith("/v1/", StringComparison.Ordinal) && answer.MediaType == "application/json")
        {
            return JsonNode.Parse(answer.Body)?["error"]?["message"] is JsonValue ? null : $"a {answer.Status} without OpenAI's error shape: {answer.Excerpt}";
        }

        // Kestrel itself refuses a path that decodes to a NUL (400, no body) before any app code runs:
        // there is no hook to make that answer a problem document.
        if (request.Target.StartsWith("path.", StringComparison.Ordinal) && request.Kind == "nul" && answer.Status == 400 && answer.Body.Length == 0)
        {
            return null;
        }

        return answer.ProblemDefect();
    }

    public void Report(int operations, int notAttacked)
    {
        var classes = _byStatus.GroupBy(s => s.Key == 0 ? "none" : $"{s.Key / 100}xx").Select(g => $"{g.Key} {g.Sum(s => s.Value)}");
        var text = $"hostile input ({database}): {Exercised.Count}/{operations} operations ({notAttacked} allow-listed), {_requests} requests in {Elapsed.TotalSeconds:0.0} s; "
            + $"{string.Join(", ", classes)} ({string.Join(" ", _byStatus.Select(s => $"{s.Key}:{s.Value}"))}); {Failures.Count} failures";
        TestContext.Current.SendDiagnosticMessage(text);
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        if (Environment.GetEnvironmentVariable("CONCIERGE_FAULTS_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, $"{DateTimeOffset.UtcNow:u} {text}{Environment.NewLine}");
        }
    }
}
