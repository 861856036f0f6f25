using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Models;
using Concierge.Skills;
using Concierge.Skills.Chat;

namespace Concierge.Tests.Skills;

public class ChatSkillTests
{
    private readonly ChatSkill _skill = new(new ChatSkillOptions { HistoryTokenBudget = 200 });

    private static SkillContext Context(string text, params Message[] history) => new(
        DemoTenant.Assistant,
        new Session
        {
            Id = Guid.NewGuid(),
            TenantId = DemoTenant.TenantId,
            AgentId = DemoTenant.AssistantId,
            Channel = "web",
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        },
        history,
        text,
        DateTimeOffset.UnixEpoch,
        ModelAvailable: true);

    private SkillDecision Decide(SkillContext context) =>
        _skill.DecideAsync(context, _skill.ProposeOffline(context), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    private static ModelRequest Wording(ChatSkill skill, SkillContext context) =>
        skill.DecideAsync(context, skill.ProposeOffline(context), CancellationToken.None).AsTask().GetAwaiter().GetResult().Reply.Wording!;

    [Theory]
    [InlineData("Which database do you use?", "SQLite")]
    [InlineData("what database is it using", "SQLite")]
    [InlineData("How can I connect a language model?", "OPENAI_API_KEY")]
    [InlineData("what is concierge", "self-hosted")]
    [InlineData("¿Qué es Concierge?", "self-hosted")]
    public void Offline_answers_a_question_close_to_a_faq_entry_with_its_answer(string question, string expected)
    {
        var outcome = Decide(Context(question));

        Assert.Equal(ChatSkill.AnswerAction, outcome.Action);
        Assert.Contains(expected, outcome.Reply.Fallback);
    }

    [Fact]
    public void Offline_says_plainly_what_it_cannot_do_and_asks_one_question()
    {
        var context = Context("Book me a flight to Lisbon tomorrow");

        var reply = Decide(context).Reply.Fallback;

        Assert.Contains("without a language model", reply);
        var ownWords = System.Text.RegularExpressions.Regex.Replace(reply, "\"[^\"]*\"", string.Empty);
        Assert.Equal(1, ownWords.Count(c => c == '?'));
        Assert.EndsWith("?", reply);
    }

    [Fact]
    public void Offline_greets_a_greeting()
    {
        var context = Context("Hola!");

        Assert.StartsWith("Hello!", _skill.ProposeOffline(context) is ChatAnswer a ? a.Text : string.Empty);
    }

    [Fact]
    public void Model_request_has_the_instructions_then_the_history_then_the_new_message()
    {
        var history = new[]
        {
            new Message(Guid.NewGuid(), Guid.Empty, 1, MessageRole.User, "first", DateTimeOffset.UnixEpoch),
            new Message(Guid.NewGuid(), Guid.Empty, 2, MessageRole.Assistant, "answer", DateTimeOffset.UnixEpoch),
        };

        var request = Wording(_skill, Context("second", history));

        Assert.Equal(MessageRole.System, request.Messages[0].Role);
        Assert.Equal(DemoTenant.Assistant.Instructions, request.Messages[0].Content);
        Assert.Equal(["first", "answer", "second"], request.Messages.Skip(1).Select(m => m.Content));
        Assert.Equal(DemoTenant.Assistant.Temperature, request.Temperature);
    }

    [Fact]
    public void Model_request_drops_the_oldest_history_beyond_the_token_budget()
    {
        var history = Enumerable.Range(1, 30)
            .Select(i => new Message(Guid.NewGuid(), Guid.Empty, i, i % 2 == 1 ? MessageRole.User : MessageRole.Assistant, $"message {i} " + new string('z', 60), DateTimeOffset.UnixEpoch))
            .ToArray();
        var skill = new ChatSkill(new ChatSkillOptions { HistoryTokenBudget = 400 });

        var request = Wording(skill, Context("now", history));
        var kept = request.Messages.Skip(1).SkipLast(1).ToList();

        Assert.InRange(kept.Count, 1, 29);
        Assert.StartsWith("message 30", kept[^1].Content);
        Assert.All(kept, m => Assert.EndsWith(new string('z', 60), m.Content));
    }

    [Fact]
    public void Chat_needs_no_model_to_interpret_and_words_its_answer_with_the_model_only_when_one_is_available()
    {
        var offline = Context("What is Concierge?") with { ModelAvailable = false };

        Assert.Null(_skill.BuildInterpretRequest(Context("What is Concierge?")));
        Assert.Null(Decide(offline).Reply.Wording);
        Assert.Contains("self-hosted", Decide(Context("What is Concierge?")).Reply.Fallback);
    }
}
