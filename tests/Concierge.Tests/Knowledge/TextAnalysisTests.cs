using Concierge.Knowledge.Analysis;

namespace Concierge.Tests.Knowledge;

public class TextAnalysisTests
{
    [Theory]
    [InlineData("es", "Devoluciones", "devolución")]
    [InlineData("es", "devolucion", "DEVOLUCIÓN")]
    [InlineData("pt", "reembolsos", "Reembolso")]
    [InlineData("pt", "entregas", "entrega")]
    [InlineData("en", "Refunds", "refunded")]
    [InlineData("en", "invoices", "invoice")]
    public void Forms_of_a_word_with_or_without_accents_give_the_same_term(string language, string a, string b) =>
        Assert.Equal(TextAnalysis.Terms(a, language), TextAnalysis.Terms(b, language));

    [Theory]
    [InlineData("en", "the of and")]
    [InlineData("es", "el la de")]
    [InlineData("pt", "o a de que")]
    [InlineData("en", "How can I do this?")]
    public void A_query_of_only_stop_words_has_no_terms(string language, string query)
    {
        Assert.Empty(TextAnalysis.QueryTerms(query, language));
        Assert.Empty(TextAnalysis.QueryTerms(query, null));
    }

    [Fact]
    public void Analysed_terms_are_lower_case_letters_and_digits_separated_by_single_spaces()
    {
        var terms = TextAnalysis.AnalyzedTerms("Ações de manutenção: até 3.5 kg, e-mail SUPORTE@loja.pt!", "pt");

        Assert.Matches("^[a-z0-9]+( [a-z0-9]+)*$", terms);
        Assert.Contains("3", terms.Split(' '));
        Assert.Contains("5", terms.Split(' '));
    }

    [Fact]
    public void Terms_keep_repeats_because_frequency_matters_to_ranking() =>
        Assert.Equal(["refund", "refund"], TextAnalysis.Terms("refund, refund", "en"));

    [Theory]
    [InlineData("What is your refund policy for opened items?", "en")]
    [InlineData("¿Cuál es el horario de la clínica los sábados?", "es")]
    [InlineData("Qual é o horário da clínica aos sábados?", "pt")]
    [InlineData("Vocês fazem entregas ao domicílio?", "pt")]
    [InlineData("¿Puedo cambiar la talla de mi pedido?", "es")]
    [InlineData("Can I change the size of my order?", "en")]
    public void The_language_is_guessed_from_the_small_words_each_language_uses(string text, string expected) =>
        Assert.Equal(expected, TextAnalysis.GuessLanguage(text));

    [Fact]
    public void Text_with_nothing_to_decide_by_gets_the_fallback_language()
    {
        Assert.Equal("es", TextAnalysis.GuessLanguage("12345 !!!", "es"));
        Assert.Equal("en", TextAnalysis.GuessLanguage(string.Empty));
    }

    [Fact]
    public void A_query_of_ten_thousand_characters_is_read_only_as_far_as_the_limits()
    {
        var words = string.Join(' ', Enumerable.Range(0, 2_000).Select(i => $"w{i}"));
        var query = words[..10_000];

        var terms = TextAnalysis.QueryTerms(query, null);

        Assert.InRange(terms.Count, 1, TextAnalysis.MaxQueryTerms);
        Assert.Equal(terms.Distinct().Count(), terms.Count);
    }

    [Fact]
    public void Unknown_language_codes_fall_back_to_english_and_regional_codes_are_understood()
    {
        Assert.Equal("en", KnowledgeLanguages.Normalize("fr"));
        Assert.Equal("es", KnowledgeLanguages.Normalize("es-MX"));
        Assert.Equal("pt", KnowledgeLanguages.Normalize("PT-br"));
        Assert.Equal(TextAnalysis.Terms("refunds", "en"), TextAnalysis.Terms("refunds", "xx"));
    }
}
