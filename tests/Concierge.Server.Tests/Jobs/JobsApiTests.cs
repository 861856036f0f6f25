using System.Net;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Jobs;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Jobs;

/// <summary>The jobs API and the worker in a running app: failures retry with backoff, die, and an operator re-queues them.</summary>
public sealed class JobsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ConciergeApp App(string url, ManualClock clock) => new(url, new Dictionary<string, string?> { ["Concierge:Jobs:PollInterval"] = "20ms" })
    {
        Clock = clock,
        TestServices = s => s.AddSingleton<IJobHandler, FailingHandler>(),
    };

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_failing_job_retries_with_backoff_then_is_dead_with_its_last_error_and_an_operator_can_retry_it(DatabaseKind kind)
    {
        var clock = new ManualClock(JobHarness.Start);
        await using var app = App(await TestDatabase.CreateAsync(kind), clock);
        var http = app.OperatorClient();
        var store = app.Services.GetRequiredService<IJobStore>();
        var id = (await store.EnqueueAsync(DemoTenant.TenantId, new JobRequest(FailingHandler.JobKind, []), 3, Ct))!.Value;

        // Attempt n fails, and the next waits between half and all of 2 s * 2^(n-1).
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var failed = await WaitForAsync(store, id, j => j.Attempts == attempt && j.State == JobState.Queued);
            Assert.Equal($"InvalidOperationException: boom {attempt}", failed.LastError);
            var wait = failed.RunAt - clock.GetUtcNow();
            var step = TimeSpan.FromSeconds(2 * Math.Pow(2, attempt - 1));
            Assert.InRange(wait, step / 2 - TimeSpan.FromMilliseconds(1), step);

            await Task.Delay(TimeSpan.FromMilliseconds(150), Ct);
            Assert.Equal(attempt, (await store.FindAsync(DemoTenant.TenantId, id, Ct))?.Attempts);
            clock.Advance(step);
        }

        var dead = await WaitForAsync(store, id, j => j.State == JobState.Dead);
        Assert.Equal((3, "InvalidOperationException: boom 3"), (dead.Attempts, dead.LastError));

        var list = await http.GetJsonAsync("/api/v1/jobs?state=dead");
        var shown = Assert.Single(list["jobs"]!.AsArray())!.AsObject();
        Assert.Equal(
            ["id", "kind", "state", "attempts", "max_attempts", "run_at", "last_error", "session_id", "created_at", "updated_at", "finished_at"],
            shown.Select(p => p.Key));
        Assert.Equal((id.ToString(), "test.fail", "dead", 3, 3), ((string?)shown["id"], (string?)shown["kind"], (string?)shown["state"], (int?)shown["attempts"], (int?)shown["max_attempts"]));
        Assert.Equal("InvalidOperationException: boom 3", (string?)shown["last_error"]);
        Assert.Null(list["next_after"]);
        Assert.Equal("dead", (string?)(await http.GetJsonAsync($"/api/v1/jobs/{id}"))["state"]);

        var retried = await http.PostJsonAsync($"/api/v1/jobs/{id}/retry", new { });
        Assert.Equal(("queued", 0), ((string?)retried["state"], (int?)retried["attempts"]));

        // The worker takes it again at once and it fails its first fresh attempt: queued or running, not dead.
        using var again = await http.PostAsync($"/api/v1/jobs/{id}/retry", null, Ct);
        var conflict = await ProblemAsync(again, HttpStatusCode.Conflict, "job_not_dead");
        Assert.Equal("id", (string?)conflict["field"]);
    }

    [Fact]
    public async Task Bad_query_values_are_400s_naming_the_field_and_an_unknown_job_is_a_404()
    {
        await using var app = App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new ManualClock(JobHarness.Start));
        var http = app.OperatorClient();

        foreach (var (query, field) in new[] { ("state=zombie", "state"), ("limit=0", "limit"), ("limit=201", "limit"), ("limit=ten", "limit"), ("after=yesterday", "after") })
        {
            using var response = await http.GetAsync($"/api/v1/jobs?{query}", Ct);
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_field");
            Assert.Equal(field, (string?)problem["field"]);
        }

        using var unknown = await http.GetAsync($"/api/v1/jobs/{Guid.CreateVersion7()}", Ct);
        await ProblemAsync(unknown, HttpStatusCode.NotFound, "job_not_found");
        using var notAnId = await http.PostAsync("/api/v1/jobs/nope/retry", null, Ct);
        await ProblemAsync(notAnId, HttpStatusCode.NotFound, "job_not_found");
        var empty = await http.GetJsonAsync("/api/v1/jobs");
        Assert.Empty(empty["jobs"]!.AsArray());
    }

    [Fact]
    public async Task The_jobs_routes_are_in_the_OpenAPI_document()
    {
        await using var app = App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new ManualClock(JobHarness.Start));
        var paths = (await app.OperatorClient().GetJsonAsync("/openapi/v1.json"))["paths"]!.AsObject();

        Assert.NotNull(paths["/api/v1/jobs"]?["get"]);
        Assert.NotNull(paths["/api/v1/jobs/{id}"]?["get"]);
        Assert.NotNull(paths["/api/v1/jobs/{id}/retry"]?["post"]);
    }

    private static async Task<Job> WaitForAsync(IJobStore store, Guid id, Func<Job, bool> condition)
    {
        Job? job = null;
        await JobHarness.EventuallyAsync(
            async () => (job = await store.FindAsync(DemoTenant.TenantId, id, Ct)) is { } j && condition(j), $"job {id} reaches the expected state");
        return job!;
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(code, (string?)problem["code"]);
        return problem;
    }
}
