using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// Fault 4: the model misbehaves in every way the fake OpenAI server can script (5xx, 429 with
/// Retry-After, a timeout, garbage JSON, a stream cut in the middle, a stream that stalls, a slow
/// first token) while clients chat and stream. Every turn still answers (the offline interpreter
/// when the model failed), nothing acknowledged is lost, and the debug log and the server log say why.
/// Runs in process, so the server's log can be read.
/// </summary>
public sealed class ModelFaultTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_turn_answers_through_model_timeouts_errors_garbage_and_broken_streams_and_the_logs_say_why()
    {
        await using var model = await FakeOpenAiServer.StartAsync(Ct);
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-faults",
            ["OPENAI_BASE_URL"] = model.BaseUrl.ToString(),
            ["OPENAI_MODEL"] = "gpt-4o-mini",
            ["REQUEST_TIMEOUT"] = Timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LLM_RETRY_BASE_DELAY"] = "10ms",
            ["LLM_MAX_RETRY_DELAY"] = "1500ms",
            // The circuit would stop calling the model and so stop the faults; it has its own test.
            ["LLM_CIRCUIT_MINIMUM_THROUGHPUT"] = "100000",
            ["RATE_LIMIT_PER_MINUTE"] = "0",
        });
        using var operatorClient = app.OperatorClient();
        var ledger = new FaultLedger();
        var load = new FaultLoad(new FaultTargets([(app.Client(), operatorClient)]), ledger) { StreamAgent = "assistant" }.Start(chats: 2, streams: 2);

        // The faults in a loop, topped up as the turns use them, between good answers.
        var until = ledger.Now + FaultScale.Pick(12, 120);
        var cycles = 0;
        while (ledger.Now < until)
        {
            if (model.PendingSteps == 0)
            {
                cycles++;
                model.Status(500).Reply("fine after a 500")
                    .Status(429, retryAfterSeconds: 1).Reply("fine after a 429")
                    .Status(503).Status(503).Status(503)
                    .Malformed()
                    .RawJson("""{"id":"chatcmpl-garbage","choices":42}""")
                    .Hang(Timeout + TimeSpan.FromSeconds(2)).Hang(Timeout + TimeSpan.FromSeconds(2)).Hang(Timeout + TimeSpan.FromSeconds(2))
                    .Stream(new FakeStep.Stream("this stream is cut in the middle of a sentence") { CutAfterChunks = 3 })
                    .Stream(new FakeStep.Stream("this stream stalls and never ends") { StallAfterChunks = 2 })
                    .Stream(new FakeStep.Stream("a slow first token, then the rest") { FirstChunkDelay = Timeout / 2 })
                    .Reply("a plain good answer");
            }

            await Task.Delay(50, Ct);
        }

        await load.StopAsync();

        var outcomes = new Dictionary<string, int>();
        foreach (var session in ledger.Acks.Select(a => a.Scope).Distinct())
        {
            var debug = await operatorClient.GetJsonAsync($"/session/{session}/debug");
            foreach (var log in debug["llm_logs"]!.AsArray().Where(l => (string?)l!["direction"] == "response"))
            {
                var outcome = (string?)log!["outcome"] ?? "?";
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        }

        var fallbacks = app.Logs.Lines.Count(l => l.Contains("offline interpreter answers this turn", StringComparison.Ordinal));
        var report = await FaultChecker.CheckAsync("model faults (5xx, 429, timeout, garbage, cut/stalled/slow streams)", ledger, operatorClient, measures: new Dictionary<string, string>
        {
            ["fault cycles"] = cycles.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["model call outcomes"] = string.Join(" ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}")),
            ["turns answered offline (logged)"] = fallbacks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        report.Assert();
        Assert.True(ledger.Refusals.Count == 0, $"a turn was not answered: {report}");
        Assert.True(fallbacks > 0, $"no turn fell back, so no fault reached a turn: {report}");
        Assert.Contains(outcomes.Keys, o => o.StartsWith("http_5", StringComparison.Ordinal));
        Assert.Contains("http_429", outcomes.Keys);
        Assert.Contains("timeout", outcomes.Keys);
    }
}
