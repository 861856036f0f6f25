using Concierge.Skills.Templates;
using static Concierge.Tests.Skills.Templates.TemplateDraftBuilder;

namespace Concierge.Tests.Skills.Templates;

/// <summary>name.format, category.value, language.code, body.required, body.length.</summary>
public class TemplateBasicsRulesTests
{
    [Fact]
    public void The_starting_drafts_of_the_test_builder_are_valid()
    {
        RuleAssert.Valid(Utility().Build());
        RuleAssert.Valid(Marketing().Build());
        RuleAssert.Valid(Authentication().Build());
        Assert.Empty(RuleAssert.Validator.Validate(Utility().Build()));
    }

    [Fact]
    public void The_rule_codes_are_the_26_of_the_rules_page()
    {
        Assert.Equal(26, TemplateRules.All.Distinct().Count());
        Assert.Contains("marketing.optout", TemplateRules.All);
        Assert.Contains("auth.no_media", TemplateRules.All);
    }

    [Theory]
    [InlineData("order_shipped_2")]
    [InlineData("a")]
    public void A_name_of_lowercase_letters_digits_and_underscores_passes_name_format(string name) =>
        RuleAssert.Valid(Utility().Name(name).Build());

    [Fact]
    public void A_name_of_512_characters_passes_name_format() =>
        RuleAssert.Valid(Utility().Name(new string('a', 512)).Build());

    [Theory]
    [InlineData("Order Shipped")]
    [InlineData("order-shipped")]
    [InlineData("confirmación")]
    [InlineData("")]
    public void A_name_with_other_characters_breaks_name_format(string name)
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.NameFormat, Utility().Name(name).Build()));
        Assert.Equal("name", violation.Path);
    }

    [Fact]
    public void A_name_of_513_characters_breaks_name_format()
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.NameFormat, Utility().Name(new string('a', 513)).Build()));
        Assert.Contains("513 characters; the limit is 512", violation.Message);
    }

    [Fact]
    public void A_missing_name_breaks_name_format() =>
        RuleAssert.BreaksOnly(TemplateRules.NameFormat, Utility().Name(null).Build());

    [Fact]
    public void The_name_format_message_suggests_a_valid_name()
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.NameFormat, Utility().Name("Order Shipped!").Build()));
        Assert.Contains("'order_shipped'", violation.Message);
    }

    [Theory]
    [InlineData("UTILITY")]
    [InlineData("MARKETING")]
    public void An_upper_case_category_passes_category_value(string category) =>
        RuleAssert.Valid(Utility().Category(category).Footer("Reply STOP to opt out").Build());

    [Theory]
    [InlineData("PROMOTIONAL")]
    [InlineData("utility")]
    [InlineData("")]
    [InlineData(null)]
    public void Another_or_missing_category_breaks_category_value(string? category) =>
        RuleAssert.BreaksOnly(TemplateRules.CategoryValue, Utility().Category(category).Build());

    [Theory]
    [InlineData("en_US")]
    [InlineData("en_GB")]
    [InlineData("es")]
    [InlineData("es_MX")]
    [InlineData("pt_BR")]
    [InlineData("fr")]
    [InlineData("zh_TW")]
    public void A_meta_language_code_passes_language_code(string language) =>
        RuleAssert.Valid(Utility().Language(language).Build());

    [Theory]
    [InlineData("en-US")]
    [InlineData("en_us")]
    [InlineData("english")]
    [InlineData("pt")]
    [InlineData(null)]
    public void A_code_not_written_as_meta_writes_it_breaks_language_code(string? language) =>
        RuleAssert.BreaksOnly(TemplateRules.LanguageCode, Utility().Language(language).Build());

    [Fact]
    public void The_language_code_message_names_the_canonical_code()
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.LanguageCode, Utility().Language("pt-br").Build()));
        Assert.Contains("'pt_BR'", violation.Message);
    }

    [Fact]
    public void The_accepted_languages_come_from_the_validator_configuration()
    {
        var validator = new TemplateValidator(new TemplateLanguages(["en_US", "en_ZA"]));

        RuleAssert.Valid(Utility().Language("en_ZA").Build(), validator);
        RuleAssert.BreaksOnly(TemplateRules.LanguageCode, Utility().Language("es").Build(), validator);
    }

    [Fact]
    public void A_template_without_a_body_breaks_body_required() =>
        RuleAssert.BreaksOnly(TemplateRules.BodyRequired, Utility().Body(null as BodyComponent).Build());

    [Fact]
    public void A_template_with_two_bodies_breaks_body_required() =>
        RuleAssert.BreaksOnly(TemplateRules.BodyRequired, Utility().AddComponent(new BodyComponent { Text = "Another body text here." }).Build());

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_body_without_text_breaks_body_required(string? text) =>
        RuleAssert.BreaksOnly(TemplateRules.BodyRequired, Utility().Body(text).Build());

    [Fact]
    public void A_body_of_1024_characters_passes_body_length() =>
        RuleAssert.Valid(Utility().Body(BodyOfLength(1024), "Ana", "#1234").Build());

    [Fact]
    public void A_body_of_1025_characters_breaks_body_length()
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.BodyLength, Utility().Body(BodyOfLength(1025), "Ana", "#1234").Build()));
        Assert.Equal("The body is 1025 characters; the limit is 1024.", violation.Message);
        Assert.Equal("components[1].text", violation.Path);
    }

    private static string BodyOfLength(int length)
    {
        const string start = "Hello {{1}}, your order {{2}} has shipped.";
        return start + " " + new string('a', length - start.Length - 1);
    }
}
