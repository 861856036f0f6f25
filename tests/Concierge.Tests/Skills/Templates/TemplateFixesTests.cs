using Concierge.Skills.Templates;
using static Concierge.Tests.Skills.Templates.TemplateDraftBuilder;

namespace Concierge.Tests.Skills.Templates;

public class TemplateFixesTests
{
    [Fact]
    public void A_valid_draft_is_left_unchanged_with_no_fixes()
    {
        var draft = Utility().Build();

        var (fixedDraft, fixes) = TemplateFixes.Apply(draft);

        Assert.Empty(fixes);
        Assert.Equal(TemplateDraftJson.ToJson(draft).ToJsonString(), TemplateDraftJson.ToJson(fixedDraft).ToJsonString());
    }

    [Theory]
    [InlineData("en_US", "Your code is {{1}}", "Your code is {{1}}. Thank you!")]
    [InlineData("en_US", "Your code is {{1}}.", "Your code is {{1}}. Thank you!")]
    [InlineData("es_MX", "Tu código es {{1}}", "Tu código es {{1}}. ¡Gracias!")]
    [InlineData("pt_BR", "Seu código é {{1}}!", "Seu código é {{1}}! Obrigado!")]
    [InlineData("fr", "Votre code est {{1}}", "Votre code est {{1}}. Merci !")]
    public void A_body_ending_with_a_variable_gets_a_closing_sentence_in_the_templates_language(string language, string body, string expected)
    {
        var draft = Utility().Language(language).Body(body, "1234").Build();

        var (fixedDraft, fixes) = TemplateFixes.Apply(draft);

        Assert.Equal(expected, fixedDraft.Body!.Text);
        var fix = Assert.Single(fixes);
        Assert.Equal(TemplateRules.ParamsEdges, fix.Code);
        Assert.Contains("ended with the variable {{1}}", fix.Message);
        Assert.DoesNotContain(RuleAssert.Validator.Validate(fixedDraft), v => v.Code == TemplateRules.ParamsEdges);
    }

    [Theory]
    [InlineData("en_US", "Hello {{1}}, your order has shipped.")]
    [InlineData("es", "Hola {{1}}, your order has shipped.")]
    [InlineData("pt_PT", "Olá {{1}}, your order has shipped.")]
    [InlineData("fr", "Bonjour {{1}}, your order has shipped.")]
    public void A_body_starting_with_a_variable_gets_a_greeting_before_it(string language, string expected)
    {
        var draft = Utility().Language(language).Body("{{1}}, your order has shipped.", "Ana").Build();

        var (fixedDraft, fixes) = TemplateFixes.Apply(draft);

        Assert.Equal(expected, fixedDraft.Body!.Text);
        Assert.Equal(TemplateRules.ParamsEdges, Assert.Single(fixes).Code);
        RuleAssert.Valid(fixedDraft);
    }

    [Fact]
    public void The_language_argument_chooses_the_words_over_the_drafts_language()
    {
        var (fixedDraft, _) = TemplateFixes.Apply(Utility().Body("Su pedido es {{1}}", "#1").Build(), "es-CL");

        Assert.EndsWith("¡Gracias!", fixedDraft.Body!.Text);
    }

    [Fact]
    public void A_language_without_known_words_keeps_the_edge_for_the_skill_to_ask_about()
    {
        var draft = Utility().Language("ja").Body("ご注文番号は {{1}}", "#1").Build();

        var (fixedDraft, fixes) = TemplateFixes.Apply(draft);

        Assert.Empty(fixes);
        Assert.Equal(draft.Body!.Text, fixedDraft.Body!.Text);
    }

    [Fact]
    public void A_long_button_label_is_shortened_at_a_word_boundary_and_the_fix_says_old_and_new()
    {
        var draft = Utility().Buttons(new QuickReplyButton("Track your order now please"), new UrlButton("Visit our wonderful online store", "https://example.com")).Build();

        var (fixedDraft, fixes) = TemplateFixes.Apply(draft);

        Assert.Equal(["Track your order now", "Visit our wonderful"], fixedDraft.Buttons!.Buttons.Select(b => b.Label));
        Assert.Equal(
            "I shortened the button label 'Track your order now please' (27 characters) to 'Track your order now'; the limit is 25.",
            fixes[0].Message);
        Assert.All(fixes, f => Assert.Equal(TemplateRules.ButtonsText, f.Code));
        RuleAssert.Valid(fixedDraft);
    }

    [Fact]
    public void A_label_that_is_one_long_word_is_cut_at_25_characters() =>
        Assert.Equal(new string('x', 25), TemplateFixes.ShortenLabel(new string('x', 30)));

    [Theory]
    [InlineData("Order Shipped!!", "order_shipped")]
    [InlineData("Confirmación  de--cita", "confirmacion_de_cita")]
    [InlineData("__Promo__2026__", "promo_2026")]
    [InlineData("🎉🎉", "template")]
    public void A_name_breaking_name_format_is_normalised(string name, string expected)
    {
        var (fixedDraft, fixes) = TemplateFixes.Apply(Utility().Name(name).Build());

        Assert.Equal(expected, fixedDraft.Name);
        var fix = Assert.Single(fixes);
        Assert.Equal(TemplateRules.NameFormat, fix.Code);
        Assert.Contains($"to '{expected}'", fix.Message);
        RuleAssert.Valid(fixedDraft);
    }

    [Fact]
    public void A_name_longer_than_512_characters_is_cut_to_at_most_512()
    {
        var (fixedDraft, _) = TemplateFixes.Apply(Utility().Name(string.Join(" ", Enumerable.Repeat("word", 200))).Build());

        Assert.InRange(fixedDraft.Name!.Length, 1, 512);
        Assert.DoesNotMatch("_$", fixedDraft.Name);
        RuleAssert.Valid(fixedDraft);
    }

    [Fact]
    public void Variables_out_of_order_are_renumbered_by_first_appearance_with_their_examples()
    {
        var draft = Utility().Body("Hello {{2}}, your order {{1}} has shipped. Thank you!", "#1234", "Ana").Build();

        var (fixedDraft, fixes) = TemplateFixes.Apply(draft);

        Assert.Equal("Hello {{1}}, your order {{2}} has shipped. Thank you!", fixedDraft.Body!.Text);
        Assert.Equal(["Ana", "#1234"], fixedDraft.Body.Examples);
        var fix = Assert.Single(fixes);
        Assert.Equal(TemplateRules.ParamsSequence, fix.Code);
        Assert.Contains("{{2}} → {{1}}, {{1}} → {{2}}", fix.Message);
        RuleAssert.Valid(fixedDraft);
    }

    [Fact]
    public void A_gap_in_the_numbers_is_closed_keeping_each_example_with_its_variable()
    {
        var draft = Utility().Body("Hello {{1}}, your order {{3}} has shipped. Thank you!", "Ana", "unused", "#1").Build();

        var (fixedDraft, fixes) = TemplateFixes.Apply(draft);

        Assert.Equal("Hello {{1}}, your order {{2}} has shipped. Thank you!", fixedDraft.Body!.Text);
        Assert.Equal(["Ana", "#1"], fixedDraft.Body.Examples);
        Assert.Equal(TemplateRules.ParamsSequence, Assert.Single(fixes).Code);
        RuleAssert.Valid(fixedDraft);
    }

    [Fact]
    public void A_language_written_with_a_hyphen_becomes_metas_code()
    {
        var (fixedDraft, fixes) = TemplateFixes.Apply(Utility().Language("en-us").Build());

        Assert.Equal("en_US", fixedDraft.Language);
        Assert.Equal(TemplateRules.LanguageCode, Assert.Single(fixes).Code);
    }

    [Fact]
    public void Named_variables_switch_the_parameter_format_to_named()
    {
        var draft = Utility().NoHeader().NamedBody("Hello {{first_name}}, your order has shipped. Thank you!", ("first_name", "Ana")).Build();

        var (fixedDraft, fixes) = TemplateFixes.Apply(draft);

        Assert.Equal(TemplateParameterFormat.Named, fixedDraft.ParameterFormat);
        Assert.Equal(TemplateRules.ParamsMixed, Assert.Single(fixes).Code);
        RuleAssert.Valid(fixedDraft);
    }

    [Fact]
    public void Example_values_no_variable_uses_are_dropped()
    {
        var (fixedDraft, fixes) = TemplateFixes.Apply(Utility().Body(UtilityBody, "Ana", "#1", "stale").Build());

        Assert.Equal(["Ana", "#1"], fixedDraft.Body!.Examples);
        Assert.Contains("'stale'", Assert.Single(fixes).Message);
        RuleAssert.Valid(fixedDraft);
    }

    [Fact]
    public void Several_problems_are_fixed_in_one_pass_and_each_fix_is_stated()
    {
        var draft = Utility().Name("Pedido Enviado").Language("es-mx")
            .Body("{{2}}, tu pedido fue enviado con el número {{1}}", "#1", "Ana")
            .Buttons(new QuickReplyButton("Quiero hablar con una persona")).Build();

        var (fixedDraft, fixes) = TemplateFixes.Apply(draft);

        Assert.Equal("Hola {{1}}, tu pedido fue enviado con el número {{2}}. ¡Gracias!", fixedDraft.Body!.Text);
        Assert.Equal(["Ana", "#1"], fixedDraft.Body.Examples);
        Assert.Equal("pedido_enviado", fixedDraft.Name);
        Assert.Equal("es_MX", fixedDraft.Language);
        Assert.Equal(
            [TemplateRules.NameFormat, TemplateRules.LanguageCode, TemplateRules.ParamsSequence, TemplateRules.ParamsEdges, TemplateRules.ParamsEdges, TemplateRules.ButtonsText],
            fixes.Select(f => f.Code));
        RuleAssert.Valid(fixedDraft);
    }

    [Fact]
    public void An_authentication_draft_has_nothing_to_fix() =>
        Assert.Empty(TemplateFixes.Apply(Authentication().Build()).Fixes);
}
