using Concierge.Skills.Templates;
using static Concierge.Tests.Skills.Templates.TemplateDraftBuilder;

namespace Concierge.Tests.Skills.Templates;

/// <summary>params.syntax, params.mixed, params.sequence, params.edges, params.adjacent, params.ratio, params.example.</summary>
public class TemplateParameterRulesTests
{
    [Fact]
    public void Numbered_variables_pass_params_syntax() =>
        RuleAssert.Valid(Utility().Body("Hello {{1}}, your order {{2}} has shipped. Thank you!", "Ana", "#1").Build());

    [Fact]
    public void Named_variables_of_lowercase_letters_and_underscores_pass_params_syntax() =>
        RuleAssert.Valid(Utility().NoHeader().Format(TemplateParameterFormat.Named)
            .NamedBody("Hello {{first_name}}, your order {{order_id}} has shipped. Thank you!", ("first_name", "Ana"), ("order_id", "#1"))
            .Build());

    [Theory]
    [InlineData("Hello {{ 1 }}, your order has shipped today.", "{{ 1 }}")]
    [InlineData("Hello {1}, your order has shipped today.", "{1}")]
    [InlineData("Hello {{1}, your order has shipped today.", "{{1}")]
    [InlineData("Hello {{First}}, your order has shipped today.", "{{First}}")]
    [InlineData("Hello {{first-name}}, your order has shipped today.", "{{first-name}}")]
    [InlineData("Hello {{name1}}, your order has shipped today.", "{{name1}}")]
    [InlineData("Hello {{}}, your order has shipped today.", "{{}}")]
    [InlineData("Hello there } your order has shipped today.", "}")]
    public void A_malformed_variable_or_stray_brace_breaks_params_syntax(string body, string fragment)
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.ParamsSyntax, Utility().Body(body).Build()));
        Assert.Contains($"'{fragment}'", violation.Message);
    }

    [Fact]
    public void Positional_and_named_variables_in_one_body_break_params_mixed()
    {
        var body = new BodyComponent
        {
            Text = "Hello {{1}}, your order {{order_id}} has shipped. Thank you!",
            Examples = ["Ana"],
            NamedExamples = [new("order_id", "#1")],
        };

        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.ParamsMixed, Utility().Body(body).Build()));
        Assert.Contains("mixes positional ({{1}}) and named ({{order_id}})", violation.Message);
    }

    [Fact]
    public void A_positional_header_with_a_named_body_breaks_params_mixed()
    {
        var draft = Utility().Format(TemplateParameterFormat.Named)
            .NamedBody("Hello {{first_name}}, your order has shipped. Thank you!", ("first_name", "Ana")).Build();

        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.ParamsMixed, draft));
        Assert.Equal("components", violation.Path);
    }

    [Fact]
    public void Named_variables_under_a_positional_parameter_format_break_params_mixed() =>
        RuleAssert.BreaksOnly(TemplateRules.ParamsMixed, Utility().NoHeader()
            .NamedBody("Hello {{first_name}}, your order has shipped. Thank you!", ("first_name", "Ana")).Build());

    [Fact]
    public void Numbered_variables_under_a_named_parameter_format_break_params_mixed() =>
        RuleAssert.BreaksOnly(TemplateRules.ParamsMixed, Utility().Format(TemplateParameterFormat.Named).Build());

    [Fact]
    public void Variables_numbered_from_one_in_order_pass_params_sequence() =>
        RuleAssert.Valid(Utility().Body("Hi {{1}}, order {{2}} ships on {{3}} from our store. Thank you!", "Ana", "#1", "May 3").Build());

    [Fact]
    public void Variables_out_of_order_break_params_sequence()
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.ParamsSequence,
            Utility().Body("Hello {{2}}, your order {{1}} has shipped. Thank you!", "#1", "Ana").Build()));
        Assert.Contains("{{2}}, {{1}}", violation.Message);
    }

    [Fact]
    public void A_gap_in_the_numbers_breaks_params_sequence() =>
        RuleAssert.BreaksOnly(TemplateRules.ParamsSequence,
            Utility().Body("Hello {{1}}, your order {{3}} has shipped. Thank you!", "Ana", "-", "#1").Build());

    [Fact]
    public void A_number_used_twice_breaks_params_sequence() =>
        RuleAssert.BreaksOnly(TemplateRules.ParamsSequence,
            Utility().Body("Hello {{1}}, your order for {{1}} has shipped. Thank you!", "Ana").Build());

    [Fact]
    public void A_header_variable_other_than_one_breaks_params_sequence() =>
        RuleAssert.BreaksOnly(TemplateRules.ParamsSequence, Utility().HeaderText("Order {{2}} is on its way", "-", "#1").Build());

    [Fact]
    public void A_body_with_words_before_and_after_its_variables_passes_params_edges() =>
        RuleAssert.Valid(Utility().Body("Hello {{1}}, your order {{2}} is ready for pickup.", "Ana", "#1").Build());

    [Fact]
    public void A_body_that_starts_with_a_variable_breaks_params_edges()
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.ParamsEdges,
            Utility().Body("{{1}}, your order {{2}} has shipped. Thank you!", "Ana", "#1").Build()));
        Assert.Contains("starts with the variable {{1}}", violation.Message);
    }

    [Theory]
    [InlineData("Your order has shipped, {{1}}")]
    [InlineData("Your order has shipped, {{1}}.")]
    [InlineData("Your order has shipped, {{1}} !  ")]
    [InlineData("Your order has shipped, {{1}} 🎉")]
    public void A_body_that_ends_with_a_variable_even_with_punctuation_breaks_params_edges(string body)
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.ParamsEdges, Utility().Body(body, "Ana").Build()));
        Assert.Contains("ends with the variable {{1}}", violation.Message);
    }

    [Fact]
    public void Variables_separated_by_punctuation_pass_params_adjacent() =>
        RuleAssert.Valid(Utility().Body("Your order {{1}}, {{2}} has shipped today. Thank you!", "#1", "Ana").Build());

    [Theory]
    [InlineData("Hello {{1}}{{2}}, your order has shipped today. Thank you!")]
    [InlineData("Hello {{1}} {{2}}, your order has shipped today. Thank you!")]
    public void Variables_side_by_side_break_params_adjacent(string body)
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.ParamsAdjacent, Utility().Body(body, "Ana", "Lopez").Build()));
        Assert.Contains("{{1}} and {{2}} next to each other", violation.Message);
    }

    [Fact]
    public void Three_words_per_variable_pass_params_ratio() =>
        RuleAssert.Valid(Utility().Body("Hello {{1}}, see you.", "Ana").Build());

    [Fact]
    public void Fewer_than_three_words_per_variable_break_params_ratio()
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.ParamsRatio,
            Utility().Body("Hi {{1}} and {{2}} ok, thanks.", "Ana", "Bo").Build()));
        Assert.Contains("2 variables and only 4 words", violation.Message);
    }

    [Fact]
    public void Every_variable_with_an_example_passes_params_example() =>
        RuleAssert.Valid(Utility().Build());

    [Fact]
    public void A_body_variable_without_example_breaks_params_example()
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.ParamsExample, Utility().Body(UtilityBody, "Ana").Build()));
        Assert.Contains("{{2}} has no example", violation.Message);
        Assert.Equal("components[1].example.body_text", violation.Path);
    }

    [Fact]
    public void A_blank_example_breaks_params_example() =>
        RuleAssert.BreaksOnly(TemplateRules.ParamsExample, Utility().Body(UtilityBody, "Ana", " ").Build());

    [Fact]
    public void More_examples_than_variables_break_params_example() =>
        RuleAssert.BreaksOnly(TemplateRules.ParamsExample, Utility().Body(UtilityBody, "Ana", "#1", "extra").Build());

    [Fact]
    public void A_header_variable_without_example_breaks_params_example() =>
        RuleAssert.BreaksOnly(TemplateRules.ParamsExample, Utility().HeaderText("Order {{1}} is on its way").Build());

    [Fact]
    public void A_named_variable_without_example_breaks_params_example()
    {
        var draft = Utility().NoHeader().Format(TemplateParameterFormat.Named)
            .NamedBody("Hello {{first_name}}, your order {{order_id}} has shipped. Thank you!", ("first_name", "Ana")).Build();

        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.ParamsExample, draft));
        Assert.Contains("{{order_id}} has no example", violation.Message);
    }

    [Fact]
    public void A_named_example_for_a_missing_variable_breaks_params_example() =>
        RuleAssert.BreaksOnly(TemplateRules.ParamsExample, Utility().NoHeader().Format(TemplateParameterFormat.Named)
            .NamedBody("Hello {{first_name}}, your order has shipped. Thank you!", ("first_name", "Ana"), ("last_name", "Lopez")).Build());
}
