using Concierge.Knowledge.Answers;

namespace Concierge.Tests.Knowledge;

public class CuratedAnswersTests
{
    private static readonly CuratedAnswer[] Curated =
    [
        new("c1", "What is the deadline to ask for a refund?", "30 days from delivery.", "en"),
        new("c2", "Do you open on Sundays?", "Yes, from 10:00 to 14:00.", "en"),
        new("c3", "¿Cuánto cuesta el envío a Canarias?", "9,95 euros.", "es"),
        new("c4", "Vocês aceitam cartão de crédito?", "Sim, Visa e Mastercard."),
    ];

    [Theory]
    [InlineData("refund deadline?", "c1")]
    [InlineData("what's the deadline for asking a refund", "c1")]
    [InlineData("are you open on sunday", "c2")]
    [InlineData("cuanto cuesta enviar a canarias el envio", "c3")]
    [InlineData("¿Cuánto cuesta el envío a Canarias?", "c3")]
    [InlineData("aceitam cartões de crédito?", "c4")]
    public void A_question_meaning_the_same_finds_the_curated_answer(string question, string expected) =>
        Assert.Equal(expected, CuratedAnswers.Match(question, Curated)?.Id);

    [Theory]
    [InlineData("Where is your shop?")]
    [InlineData("refund")]
    [InlineData("the of and")]
    [InlineData("")]
    public void A_different_or_empty_question_finds_none(string question) =>
        Assert.Null(CuratedAnswers.Match(question, Curated));

    [Fact]
    public void No_curated_answers_means_no_match() => Assert.Null(CuratedAnswers.Match("refund deadline", []));
}
