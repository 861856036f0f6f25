using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Jobs;
using Concierge.Models;
using Concierge.Safety;
using Concierge.Testing.InMemory;

namespace Concierge.Tests.Conversations;

/// <summary>The pipeline itself, with the real Turn and claim over an in-memory store and a scripted model.</summary>
public class TurnTests
{
    [Fact]
    public async Task An_offline_turn_commits_both_messages_the_skill_state_and_its_events()
    {
        var harness = new PipelineHarness();
        var session = await harness.StartAsync();

        var result = await harness.SayAsync(session, "hello");
        var second = await harness.SayAsync(session, "again");

        Assert.Equal(TurnSource.Offline, result.Source);
        Assert.Equal("#2: again", second.Reply.Content);
        Assert.Equal(2, (int)second.View.Memory["turns"]!);
        var messages = await harness.MessagesAsync(session);
        Assert.Equal(["hello", "#1: hello", "again", "#2: again"], messages.Select(m => m.Content));
        Assert.Equal([1, 2, 3, 4], messages.Select(m => m.Sequence));
        Assert.Equal(2, harness.Store.Events.Count(e => e.Name == "turn_completed"));
    }

    [Fact]
    public async Task A_model_turn_decides_on_the_models_proposal_and_logs_the_call()
    {
        var model = new ScriptedLanguageModel().Then("the model's reading");
        var harness = new PipelineHarness(model);
        var session = await harness.StartAsync();

        var result = await harness.SayAsync(session, "hello");

        Assert.Equal(TurnSource.Model, result.Source);
        Assert.Equal("#1: the model's reading", result.Reply.Content);
        Assert.Single(harness.Store.ModelCalls);
        Assert.Equal(1, result.Session.ModelCallCount);
    }

    [Theory]
    [InlineData(null, "model call failed")]
    [InlineData("unusable", "model answer was unusable")]
    [InlineData("refuse me", "model proposal refused")]
    public async Task A_model_that_fails_or_is_refused_leaves_the_turn_to_the_offline_interpreter_and_says_why(string? answer, string reason)
    {
        var model = new ScriptedLanguageModel().Then(answer);
        var harness = new PipelineHarness(model);
        var session = await harness.StartAsync();

        var result = await harness.SayAsync(session, "hello");

        Assert.Equal(TurnSource.Fallback, result.Source);
        Assert.Equal("#1: hello", result.Reply.Content);
        var fallback = Assert.Single(harness.Store.Events, e => e.Name == "model_fallback");
        Assert.StartsWith(reason, (string)fallback.Data["reason"]!, StringComparison.Ordinal);
        Assert.Single(harness.Store.ModelCalls);
    }

    [Fact]
    public async Task A_crisis_answers_with_the_protocol_without_asking_the_skill_or_the_model()
    {
        var model = new ScriptedLanguageModel().Then("never used");
        var harness = new PipelineHarness(model, new AlwaysCrisis());
        var session = await harness.StartAsync();

        var result = await harness.SayAsync(session, "I can't go on");

        Assert.Equal(TurnSource.Safety, result.Source);
        Assert.Equal("CRISIS", result.Action);
        Assert.Equal(AlwaysCrisis.Reply, result.Reply.Content);
        Assert.Empty(model.Requests);
        Assert.Equal(0, harness.Probe.Decisions);
        Assert.Contains(harness.Store.Events, e => e.Name == "crisis_detected");
    }

    [Fact]
    public async Task A_turn_that_loses_its_commit_race_runs_again_on_the_state_the_winner_left()
    {
        var harness = new PipelineHarness();
        var session = await harness.StartAsync();
        await harness.SayAsync(session, "first");

        // Another process commits between this turn's read and its commit.
        harness.Store.BeforeNextCommit = () =>
        {
            var current = harness.Store.FindAsync(session.TenantId, session.Id, CancellationToken.None).Result!;
            harness.Store.Overwrite(current with { Version = current.Version + 1, LastAction = "ELSEWHERE" });
        };
        var result = await harness.SayAsync(session, "second");

        Assert.Equal("#2: second", result.Reply.Content);
        Assert.Equal(3, harness.Probe.Decisions);
        Assert.Equal(2, harness.Store.Commits);
        Assert.Equal(["first", "#1: first", "second", "#2: second"], (await harness.MessagesAsync(session)).Select(m => m.Content));
    }

    [Fact]
    public async Task Effects_and_jobs_are_committed_with_the_turn()
    {
        var harness = new PipelineHarness();
        var session = await harness.StartAsync();

        await harness.SayAsync(session, "book a table");

        Assert.Equal(new ProbeBooked("book a table"), Assert.Single(harness.Store.Effects));
        Assert.Equal(["probe.remind", JobKinds.EmotionDetect], harness.Store.Jobs.Select(j => j.Kind));
    }

    [Fact]
    public async Task Every_user_message_asks_for_its_emotion_with_a_job_keyed_by_the_message()
    {
        var harness = new PipelineHarness();
        var session = await harness.StartAsync();

        await harness.SayAsync(session, "hello");

        var user = (await harness.MessagesAsync(session)).First(m => m.Role == MessageRole.User);
        var job = Assert.Single(harness.Store.Jobs, j => j.Kind == JobKinds.EmotionDetect);
        Assert.Equal(user.Id.ToString(), (string?)job.Payload["message_id"]);
        Assert.Equal($"message:{user.Id:N}", job.DedupKey);
    }

    [Fact]
    public async Task Nothing_of_a_turn_is_written_when_its_commit_fails()
    {
        var harness = new PipelineHarness();
        var session = await harness.StartAsync();
        harness.Store.FailNextCommit = new InvalidOperationException("the disk is full");

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.SayAsync(session, "book a table"));

        Assert.Empty(await harness.MessagesAsync(session));
        Assert.Empty(harness.Store.Effects);
        Assert.Empty(harness.Store.Jobs);
        Assert.Equal(0, harness.Store.Commits);
    }

    [Fact]
    public async Task An_effect_that_no_longer_fits_the_facts_makes_the_turn_decide_again()
    {
        var harness = new PipelineHarness();
        var session = await harness.StartAsync();
        harness.Store.FailNextCommit = new EffectConflictException("the slot filled up");

        var result = await harness.SayAsync(session, "book a table");

        Assert.Equal(2, harness.Probe.Decisions);
        Assert.Equal("#1: book a table", result.Reply.Content);
        Assert.Single(harness.Store.Effects);
    }

    [Fact]
    public async Task A_hand_over_moves_the_session_to_the_other_agent_whose_skill_runs_the_next_turn()
    {
        var harness = new PipelineHarness();
        var session = await harness.StartAsync();

        var handed = await harness.SayAsync(session, "hand over");
        var next = await harness.SayAsync(session, "What is Concierge?");

        Assert.Equal(PipelineHarness.Second.Id, handed.Session.AgentId);
        Assert.Equal("chat", handed.Session.Skill);
        Assert.Contains(harness.Store.Events, e => e.Name == "handed_over" && (string?)e.Data["to_agent"] == "second");
        var messages = await harness.MessagesAsync(session);
        Assert.Equal(MessageRole.System, messages[2].Role);
        Assert.StartsWith("Handed over by the probe", messages[2].Content, StringComparison.Ordinal);
        Assert.Contains("self-hosted", next.Reply.Content, StringComparison.Ordinal);
        Assert.Equal(5, next.Session.MessageCount);
    }

    [Fact]
    public async Task A_streaming_caller_gets_the_reply_and_a_failing_caller_does_not_stop_the_turn()
    {
        var harness = new PipelineHarness();
        var session = await harness.StartAsync();
        var listening = new CollectingObserver();

        var heard = await harness.SayAsync(session, "hello", listening);
        var gone = await harness.SayAsync(session, "still there?", new CollectingObserver { Fail = true });

        Assert.Equal(heard.Reply.Content, string.Concat(listening.Deltas));
        Assert.Equal("#2: still there?", gone.Reply.Content);
        Assert.Equal(4, (await harness.MessagesAsync(session)).Count);
    }

    [Fact]
    public async Task A_model_worded_reply_streams_piece_by_piece_and_the_whole_text_is_committed()
    {
        var model = new ScriptedLanguageModel().ThenStream(false, "Concierge ", "is ", "self-hosted.");
        var harness = new PipelineHarness(model);
        var session = await harness.StartChatAsync();
        var listening = new CollectingObserver();

        var result = await harness.SayAsync(session, "What is it?", listening);

        Assert.Equal(["Concierge ", "is ", "self-hosted."], listening.Deltas);
        Assert.Equal("Concierge is self-hosted.", result.Reply.Content);
        Assert.Equal(TurnSource.Model, result.Source);
    }

    [Fact]
    public async Task A_stream_cut_midway_tells_the_caller_to_start_again_and_the_offline_answer_is_committed()
    {
        var model = new ScriptedLanguageModel().ThenStream(true, "Concierge ", "is ");
        var harness = new PipelineHarness(model);
        var session = await harness.StartChatAsync();
        var listening = new CollectingObserver();

        var result = await harness.SayAsync(session, "What is Concierge?", listening);

        Assert.Equal(TurnSource.Fallback, result.Source);
        Assert.Equal(1, listening.Restarts);
        Assert.Equal(result.Reply.Content, string.Concat(listening.Deltas));
        Assert.Contains("self-hosted", result.Reply.Content, StringComparison.Ordinal);
        Assert.Contains(harness.Store.ModelCalls, c => c.Outcome == ModelCallOutcome.StreamInterrupted);
    }

    private sealed class AlwaysCrisis : ISafetyCheck
    {
        public const string Reply = "You are not alone. Call 988 now.";

        public SafetyVerdict Check(Agent agent, string text, IReadOnlyList<Message> history) => SafetyVerdict.Crisis(Reply, "test");
    }

    private sealed class CollectingObserver : ITurnObserver
    {
        public List<string> Deltas { get; } = [];

        public bool Fail { get; init; }

        public ValueTask OnDeltaAsync(string text)
        {
            if (Fail)
            {
                throw new IOException("the client went away");
            }

            Deltas.Add(text);
            return ValueTask.CompletedTask;
        }

        public int Restarts { get; private set; }

        public ValueTask OnRestartAsync()
        {
            Restarts++;
            Deltas.Clear();
            return ValueTask.CompletedTask;
        }
    }
}
