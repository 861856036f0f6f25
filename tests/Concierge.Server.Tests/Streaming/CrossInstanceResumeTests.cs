using System.Net;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Server.Tests.Streaming;

/// <summary>Two real server processes on one database: a stream begun on one resumes on the other.</summary>
public sealed class CrossInstanceResumeTests
{
    private const string Answer = "Events live where every instance can read them, so any of them can resume.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_client_that_reconnects_to_another_instance_gets_the_missed_events_and_the_live_rest(DatabaseKind kind)
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        var url = await TestDatabase.CreateAsync(kind);
        var environment = new Dictionary<string, string>
        {
            ["OPENAI_API_KEY"] = "sk-test-stream-0123456789",
            ["OPENAI_BASE_URL"] = model.BaseUrl.ToString(),
            ["STREAM_HEARTBEAT"] = "200ms",
        };
        using var first = await ServerProcess.StartReadyAsync(url, environment);
        using var second = await ServerProcess.StartReadyAsync(url, environment);
        var release = new TaskCompletionSource();
        model.Stream(new FakeStep.Stream(Answer) { HoldAfterFirstChunk = release.Task });
        using var onFirst = first.OperatorClient();
        using var onSecond = second.OperatorClient();
        var session = await onFirst.NewChatSessionAsync();

        SseRead seen;
        using (var response = await SseReading.PostAsync(onFirst, session, "Where do events live?", Ct))
        using (var reading = await SseReading.OpenAsync(response, Ct))
        {
            seen = (await reading.NextAsync(Ct))!;
        }

        // The turn still runs on the first process; the reconnect lands on the second.
        using var resumed = await SseReading.ResumeAsync(onSecond, session, seen.Id, Ct);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        using var rest = await SseReading.OpenAsync(resumed, Ct);
        release.SetResult();
        var events = await rest.UntilEndAsync(Ct);
        Assert.Equal("done", events[^1].Name);
        Assert.Equal(Answer, SseReading.Text([seen, .. events]));
        Assert.Equal(Answer, (string?)events[^1].Data["reply_message"]!["content"]);
    }
}
