using System.Net;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Jobs;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Streams;
using Concierge.Tenants;
using Concierge.Testing.FakeOpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Streaming;

/// <summary>GET /api/v1/sessions/{id}/stream with Last-Event-ID: what a client missed, then the live rest.</summary>
public sealed class ResumeTests : IAsyncLifetime
{
    private const string Answer = "Concierge keeps every conversation for you, whole and in order.";

    private FakeOpenAiServer _model = null!;
    private ConciergeApp _app = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _model = await FakeOpenAiServer.StartAsync();
        _app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-stream-0123456789",
            ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(),
            ["STREAM_HEARTBEAT"] = "100ms",
        });
        _client = _app.OperatorClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task A_client_that_left_mid_stream_resumes_with_Last_Event_ID_and_gets_the_missed_events_and_the_done()
    {
        var release = new TaskCompletionSource();
        _model.Stream(new FakeStep.Stream(Answer) { HoldAfterFirstChunk = release.Task });
        var session = await _client.NewChatSessionAsync();

        SseRead first;
        using (var response = await SseReading.PostAsync(_client, session, "What do you keep?", Ct))
        using (var reading = await SseReading.OpenAsync(response, Ct))
        {
            first = (await reading.NextAsync(Ct))!;
            Assert.Equal("delta", first.Name);
        }

        // The turn goes on without the client and commits whole.
        release.SetResult();
        await Eventually(async () => (await _client.GetJsonAsync($"/api/v1/sessions/{session}/messages"))["messages"]!.AsArray().Count == 2);

        using var resumed = await SseReading.ResumeAsync(_client, session, first.Id, Ct);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal("text/event-stream", resumed.Content.Headers.ContentType?.MediaType);
        using var rest = await SseReading.OpenAsync(resumed, Ct);
        var events = await rest.UntilEndAsync(Ct);
        Assert.Equal("done", events[^1].Name);
        Assert.Equal(Answer, SseReading.Text([first, .. events]));
        Assert.Equal(Answer, (string?)events[^1].Data["reply_message"]!["content"]);
        Assert.DoesNotContain(events, e => e.Id == first.Id);
        Assert.Null(await rest.NextAsync(Ct));
    }

    [Fact]
    public async Task A_resume_while_the_turn_still_runs_gets_the_missed_events_then_the_live_rest()
    {
        var release = new TaskCompletionSource();
        _model.Stream(new FakeStep.Stream(Answer) { HoldAfterFirstChunk = release.Task });
        var session = await _client.NewChatSessionAsync();
        using var original = await SseReading.PostAsync(_client, session, "What do you keep?", Ct);
        using var reading = await SseReading.OpenAsync(original, Ct);
        var first = (await reading.NextAsync(Ct))!;

        // Resumed from "before the first event" (the stream's id with 0), while the model is held.
        var streamId = first.Id!.Split(':')[0];
        using var resumed = await SseReading.ResumeAsync(_client, session, streamId + ":0", Ct, inQuery: true);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        using var live = await SseReading.OpenAsync(resumed, Ct);
        var replayed = (await live.NextAsync(Ct))!;
        Assert.Equal(first.Id, replayed.Id);
        Assert.Equal(first.Data.ToJsonString(), replayed.Data.ToJsonString());

        release.SetResult();
        var events = await live.UntilEndAsync(Ct);
        Assert.Equal(Answer, SseReading.Text([replayed, .. events]));
        var originalEvents = await reading.UntilEndAsync(Ct);
        Assert.Equal(events.Select(e => e.Id), originalEvents.Select(e => e.Id));
    }

    [Fact]
    public async Task Without_Last_Event_ID_the_newest_stream_of_the_session_is_replayed_from_its_start()
    {
        _model.Stream(new FakeStep.Stream(Answer));
        var session = await _client.NewChatSessionAsync();
        using (var response = await SseReading.PostAsync(_client, session, "What do you keep?", Ct))
        using (var reading = await SseReading.OpenAsync(response, Ct))
        {
            await reading.UntilEndAsync(Ct);
        }

        using var replay = await SseReading.ResumeAsync(_client, session, null, Ct);
        using var events = await SseReading.OpenAsync(replay, Ct);
        var all = await events.UntilEndAsync(Ct);
        Assert.EndsWith(":1", all[0].Id, StringComparison.Ordinal);
        Assert.Equal(Answer, SseReading.Text(all));
    }

    [Fact]
    public async Task The_last_id_of_a_finished_stream_answers_204_so_EventSource_stops_and_an_id_past_its_end_is_404()
    {
        _model.Stream(new FakeStep.Stream(Answer));
        var session = await _client.NewChatSessionAsync();
        List<SseRead> events;
        using (var response = await SseReading.PostAsync(_client, session, "What do you keep?", Ct))
        using (var reading = await SseReading.OpenAsync(response, Ct))
        {
            events = await reading.UntilEndAsync(Ct);
        }

        using (var done = await SseReading.ResumeAsync(_client, session, events[^1].Id, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        }

        var streamId = events[^1].Id!.Split(':')[0];
        using var past = await SseReading.ResumeAsync(_client, session, $"{streamId}:{events.Count + 5}", Ct);
        await AssertProblemAsync(past, HttpStatusCode.NotFound, "event_not_found");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("0123:4")]
    [InlineData("0190a1b2c3d4e5f60718293a4b5c6d7e:-1")]
    [InlineData("0190a1b2c3d4e5f60718293a4b5c6d7e:99999999999")]
    [InlineData("0190a1b2c3d4e5f60718293a4b5c6d7e")]
    public async Task A_malformed_Last_Event_ID_is_a_400_that_names_it(string lastEventId)
    {
        var session = await _client.NewChatSessionAsync();
        using var response = await SseReading.ResumeAsync(_client, session, lastEventId, Ct);
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_field");
        Assert.Equal("Last-Event-ID", (string?)problem["field"]);
    }

    [Fact]
    public async Task Unknown_ids_other_sessions_ids_and_sessions_without_streams_get_a_404_problem_not_an_empty_stream()
    {
        var session = await _client.NewChatSessionAsync();
        using (var none = await SseReading.ResumeAsync(_client, session, null, Ct))
        {
            await AssertProblemAsync(none, HttpStatusCode.NotFound, "stream_not_found");
        }

        using (var unknown = await SseReading.ResumeAsync(_client, session, Guid.NewGuid().ToString("N") + ":1", Ct))
        {
            await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "stream_not_found");
        }

        _model.Stream(new FakeStep.Stream(Answer));
        var other = await _client.NewChatSessionAsync();
        string id;
        using (var response = await SseReading.PostAsync(_client, other, "What do you keep?", Ct))
        using (var reading = await SseReading.OpenAsync(response, Ct))
        {
            id = (await reading.UntilEndAsync(Ct))[0].Id!;
        }

        using (var wrongSession = await SseReading.ResumeAsync(_client, session, id, Ct))
        {
            await AssertProblemAsync(wrongSession, HttpStatusCode.NotFound, "stream_not_found");
        }

        // Another tenant's staff cannot read it, even with the right session and id.
        var stranger = _app.AdminClient((await _app.AddTenantAsync("stranger")).Id);
        using (var foreign = await SseReading.ResumeAsync(stranger, other, id, Ct))
        {
            await AssertProblemAsync(foreign, HttpStatusCode.NotFound, "session_not_found");
        }

        using var unknownSession = await SseReading.ResumeAsync(_client, Guid.NewGuid().ToString(), id, Ct);
        await AssertProblemAsync(unknownSession, HttpStatusCode.NotFound, "session_not_found");
    }

    [Fact]
    public async Task A_stream_past_its_retention_is_410_and_the_sweep_job_deletes_its_events()
    {
        var session = Guid.Parse(await _client.NewChatSessionAsync());
        var store = _app.Services.GetRequiredService<ITurnStreamStore>();
        var now = DateTimeOffset.UtcNow;
        var old = new TurnStreamInfo(Guid.CreateVersion7(now.AddHours(-1)), DemoTenant.TenantId, session, TurnStreamStatus.Done, 2, now.AddHours(-1), now.AddMinutes(-50), now.AddMinutes(-1));
        var kept = old with { Id = Guid.CreateVersion7(now), StartedAt = now, UpdatedAt = now, ExpiresAt = now.AddMinutes(10) };
        TurnStreamEvent[] events = [new(1, "delta", """{"text":"hi"}"""), new(2, "done", "{}")];
        await store.WriteAsync([new TurnStreamWrite(old, true, events), new TurnStreamWrite(kept, true, events)], Ct);

        using (var expired = await SseReading.ResumeAsync(_client, session.ToString(), $"{old.Id:N}:1", Ct))
        {
            await AssertProblemAsync(expired, HttpStatusCode.Gone, "stream_expired");
        }

        var sweep = _app.Services.GetServices<IJobHandler>().Single(h => h.Kind == JobKinds.StreamsSweep);
        await sweep.HandleAsync(new JobContext(Guid.NewGuid(), JobKinds.SystemTenantId, null, JobKinds.StreamsSweep, [], 1, now), Ct);
        Assert.Null(await store.FindAsync(DemoTenant.TenantId, old.Id, Ct));
        Assert.Empty(await store.ReadAsync(old.Id, 0, 10, Ct));
        Assert.Equal(2, (await store.ReadAsync(kept.Id, 0, 10, Ct)).Count);

        // Gone from the database, the id still tells its age: expired, not unknown.
        using var gone = await SseReading.ResumeAsync(_client, session.ToString(), $"{old.Id:N}:1", Ct);
        await AssertProblemAsync(gone, HttpStatusCode.Gone, "stream_expired");
    }

    [Fact]
    public async Task The_sweep_is_a_recurring_job()
    {
        var schedules = _app.Services.GetServices<RecurringJob>();
        Assert.Contains(schedules, s => s.Kind == JobKinds.StreamsSweep);
    }

    internal static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Equal(code, (string?)problem["code"]);
        Assert.NotNull(problem["request_id"]);
        return problem;
    }

    internal static async Task Eventually(Func<Task<bool>> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(50, Ct);
        }
    }
}
