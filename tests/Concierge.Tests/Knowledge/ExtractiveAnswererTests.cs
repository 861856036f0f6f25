using Concierge.Knowledge.Answers;

namespace Concierge.Tests.Knowledge;

public class ExtractiveAnswererTests
{
    private static readonly RankedPassage Refunds = new(
        "doc-1", "Returns policy", "chunk-7",
        "Can I get my money back? Yes. Refunds are made to the original card within 5 business days after the item reaches our warehouse. Shipping costs are not refunded.",
        12.5, "Returns > Refunds", "en");

    private static readonly RankedPassage Hours = new(
        "doc-2", "Opening hours", "chunk-1", "We open from 9:00 to 18:00 on weekdays. On Saturdays we close at 14:00.", 3.1, "Hours", "en");

    private static readonly RankedPassage Envios = new(
        "doc-3", "Envíos", "chunk-2", "Enviamos a toda la península en 48 horas. El envío es gratis en pedidos de más de 50 euros.", 8, "Envíos", "es");

    [Fact]
    public void The_answer_quotes_the_best_sentences_and_cites_their_source()
    {
        var answer = ExtractiveAnswerer.Answer("How many days until my refund arrives on my card?", [Refunds, Hours], "en");

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Contains("Refunds are made to the original card within 5 business days", answer.Reply);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal((1, "doc-1", "Returns policy", "chunk-7"), (citation.Number, citation.DocumentId, citation.Title, citation.ChunkId));
        Assert.EndsWith("Sources: [1] Returns policy", answer.Reply);
        Assert.InRange(answer.Sentences.Count, 1, 3);
    }

    [Fact]
    public void When_the_best_match_is_a_faq_question_the_answer_is_what_follows_it()
    {
        var answer = ExtractiveAnswerer.Answer("can i get my money back", [Refunds], "en");

        Assert.DoesNotContain("Can I get my money back?", answer.Sentences);
        Assert.Equal("Yes.", answer.Sentences[0]);
        Assert.StartsWith("Refunds are made", answer.Sentences[1]);
    }

    [Theory]
    [InlineData("es", "Fuentes: [1] Envíos")]
    [InlineData("pt", "Fontes: [1] Envíos")]
    [InlineData("en", "Sources: [1] Envíos")]
    public void The_sources_line_is_in_the_reply_language(string language, string expected) =>
        Assert.EndsWith(expected, ExtractiveAnswer("¿El envío es gratis?", Envios, language).Reply);

    [Fact]
    public void A_question_the_passages_do_not_answer_gets_an_honest_reply_naming_the_topics_and_no_sources()
    {
        var answer = ExtractiveAnswerer.Answer("Who won the world cup in 2010?", [Hours], "en", ["Returns policy", "Opening hours"]);

        Assert.Equal(AnswerStatus.NothingFound, answer.Status);
        Assert.Equal("I could not find that in the documents I have. I can answer questions about Returns policy and Opening hours.", answer.Reply);
        Assert.Empty(answer.Citations);
        Assert.Empty(answer.Sentences);
    }

    [Theory]
    [InlineData("es", "No encontré eso en los documentos que tengo. Puedo responder preguntas sobre Envíos, Horario y Precios.")]
    [InlineData("pt", "Não encontrei isso nos documentos que tenho. Posso responder a perguntas sobre Envíos, Horario e Precios.")]
    public void The_honest_reply_is_localised(string language, string expected) =>
        Assert.Equal(expected, ExtractiveAnswerer.Answer("xyz", [], language, ["Envíos", "Horario", "Precios"]).Reply);

    [Theory]
    [InlineData("the of and", "en")]
    [InlineData("el la de", "es")]
    public void A_question_of_only_stop_words_finds_nothing(string question, string language) =>
        Assert.Equal(AnswerStatus.NothingFound, ExtractiveAnswerer.Answer(question, [Refunds, Envios], language).Status);

    [Fact]
    public void No_passages_and_no_topics_is_a_short_honest_reply() =>
        Assert.Equal("I could not find that in the documents I have.", ExtractiveAnswerer.Answer("refund", [], "en").Reply);

    [Fact]
    public void A_ten_thousand_character_question_is_answered_or_refused_without_failing()
    {
        var question = string.Concat(Enumerable.Repeat("refund card days ", 600))[..10_000];

        var answer = ExtractiveAnswerer.Answer(question, [Refunds], "en");

        Assert.Equal(AnswerStatus.Answered, answer.Status);
    }

    [Fact]
    public void Snippets_are_plain_text_of_at_most_200_characters()
    {
        var longPassage = Refunds with { Text = "Refund " + string.Join(' ', Enumerable.Repeat("details\nabout   the refund", 80)) + "." };

        var citation = ExtractiveAnswerer.Answer("refund details", [longPassage], "en").Citations.Single();

        Assert.InRange(citation.Snippet.Length, 1, Citation.MaxSnippetChars);
        Assert.DoesNotContain("\n", citation.Snippet);
        Assert.DoesNotContain("  ", citation.Snippet);
        Assert.EndsWith("…", citation.Snippet);
    }

    [Fact]
    public void A_second_chunk_of_the_same_document_can_be_quoted_and_its_section_tells_the_sources_apart()
    {
        var retries = new RankedPassage("faq", "Billing FAQ", "c1", "A card payment that fails is retried the next day.", 9, "Billing FAQ > Payments > Retries", "en");
        var notices = new RankedPassage("faq", "Billing FAQ", "c2", "A failed card payment is reported to the owner by email.", 8, "Billing FAQ > Payments > Notices", "en");

        var answer = ExtractiveAnswerer.Answer("what happens when a card payment fails", [retries, notices], "en");

        Assert.Equal(["c1", "c2"], answer.Citations.Select(c => c.ChunkId));
        Assert.EndsWith("Sources: [1] Billing FAQ (Payments > Retries); [2] Billing FAQ (Payments > Notices)", answer.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentences_from_a_second_document_are_never_mixed_into_the_answer()
    {
        var other = Refunds with { DocumentId = "doc-9", ChunkId = "chunk-9", Title = "Another shop", Score = 11 };

        var answer = ExtractiveAnswerer.Answer("How many days until my refund arrives on my card?", [Refunds, other], "en");

        Assert.All(answer.Citations, c => Assert.Equal("doc-1", c.DocumentId));
    }

    private static ExtractiveAnswer ExtractiveAnswer(string question, RankedPassage passage, string language) =>
        ExtractiveAnswerer.Answer(question, [passage], language);
}
