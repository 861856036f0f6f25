using Concierge.Agents;
using Concierge.Skills.Chat;

namespace Concierge.Tests.Skills;

/// <summary>The demo assistant's offline matching understands its own example questions and ordinary paraphrases of them.</summary>
public class OfflineChatTests
{
    private const string NotUnderstood = "I did not understand that one";

    public static TheoryData<string> OwnQuestions => [.. DemoTenant.Assistant.Faq.Select(f => f.Question)];

    [Theory]
    [MemberData(nameof(OwnQuestions))]
    public void Every_example_question_the_assistant_offers_gets_its_own_answer(string question) =>
        Assert.Equal(DemoTenant.Assistant.Faq.Single(f => f.Question == question).Answer, OfflineChat.Answer(DemoTenant.Assistant, question));

    [Theory]
    [InlineData("what can you do")]
    [InlineData("What do you do?")]
    [InlineData("what are you able to help with")]
    [InlineData("what can u help me with?")]
    [InlineData("help")]
    [InlineData("¿Qué puedes hacer?")]
    [InlineData("que haces?")]
    [InlineData("¿En qué me puedes ayudar?")]
    [InlineData("o que você faz?")]
    [InlineData("O que vc pode fazer por mim?")]
    [InlineData("ajuda")]
    [InlineData("hi, what can you do?")]
    public void Asking_what_the_assistant_can_do_in_any_wording_gets_the_capabilities_answer(string question) =>
        Assert.StartsWith("I can explain what Concierge does", OfflineChat.Answer(DemoTenant.Assistant, question), StringComparison.Ordinal);

    [Theory]
    [InlineData("which db do you use", "SQLite")]
    [InlineData("what database does it run on?", "SQLite")]
    [InlineData("¿Qué base de datos usan?", "SQLite")]
    [InlineData("qual banco de dados vocês usam?", "SQLite")]
    [InlineData("can I use postgres?", "PostgreSQL")]
    [InlineData("how do I plug in an LLM", "OPENAI_API_KEY")]
    [InlineData("¿cómo conecto un modelo?", "OPENAI_API_KEY")]
    [InlineData("are my chats stored?", "stored")]
    [InlineData("¿se guarda la conversación?", "stored")]
    [InlineData("when are you open?", "always available")]
    [InlineData("¿cuál es el horario?", "always available")]
    [InlineData("o que é o Concierge?", "self-hosted")]
    public void Paraphrases_of_the_other_questions_get_their_answers(string question, string expected) =>
        Assert.Contains(expected, OfflineChat.Answer(DemoTenant.Assistant, question), StringComparison.Ordinal);

    [Fact]
    public void A_question_about_something_else_is_still_honestly_not_understood() =>
        Assert.Contains(NotUnderstood, OfflineChat.Answer(DemoTenant.Assistant, "what's the weather in Lisbon tomorrow?"), StringComparison.Ordinal);

    [Theory]
    [InlineData("es-CL", "¡Hola! Soy Flou", "Puedo responder preguntas como")]
    [InlineData("pt-BR", "Olá! Aqui é Flou", "Posso responder perguntas como")]
    [InlineData("en", "Hello! This is Flou", "I can answer questions such as")]
    public void Greets_and_lists_its_topics_in_the_agents_language(string locale, string greeting, string topics)
    {
        var agent = DemoTenant.Wellbeing with { Name = "Flou", Locale = locale };

        var reply = OfflineChat.Answer(agent, "hola");

        Assert.StartsWith(greeting, reply, StringComparison.Ordinal);
        Assert.Contains(topics, reply, StringComparison.Ordinal);
    }
}
