using Concierge.Skills.Templates;
using static Concierge.Tests.Skills.Templates.TemplateDraftBuilder;

namespace Concierge.Tests.Skills.Templates;

/// <summary>header.count, header.text, footer.text.</summary>
public class TemplateComponentRulesTests
{
    [Theory]
    [InlineData(HeaderFormat.Image)]
    [InlineData(HeaderFormat.Video)]
    [InlineData(HeaderFormat.Document)]
    public void A_media_header_with_a_handle_passes_header_count(string format) =>
        RuleAssert.Valid(Utility().MediaHeader(format, "4::aW1hZ2UvanBlZw==:ARb").Build());

    [Fact]
    public void A_location_header_needs_no_example_and_passes_header_count() =>
        RuleAssert.Valid(Utility().MediaHeader(HeaderFormat.Location, null).Build());

    [Fact]
    public void A_template_without_header_passes_header_count() =>
        RuleAssert.Valid(Utility().NoHeader().Build());

    [Fact]
    public void Two_headers_break_header_count() =>
        RuleAssert.BreaksOnly(TemplateRules.HeaderCount,
            Utility().AddComponent(new HeaderComponent { Format = HeaderFormat.Text, Text = "Second header" }).Build());

    [Theory]
    [InlineData("GIF")]
    [InlineData("AUDIO")]
    public void An_unsupported_header_format_breaks_header_count(string format) =>
        RuleAssert.BreaksOnly(TemplateRules.HeaderCount, Utility().MediaHeader(format, "4::abc").Build());

    [Fact]
    public void A_media_header_without_handle_breaks_header_count()
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.HeaderCount, Utility().MediaHeader(HeaderFormat.Image, null).Build()));
        Assert.Contains("header_handle", violation.Message);
        Assert.Equal("components[0].example", violation.Path);
    }

    [Fact]
    public void A_text_header_of_60_characters_with_one_variable_passes_header_text() =>
        RuleAssert.Valid(Utility().HeaderText("Order {{1}} " + new string('x', 60 - "Order {{1}} ".Length), "#1").Build());

    [Fact]
    public void A_named_header_variable_with_underscores_passes_header_text() =>
        RuleAssert.Valid(Utility().Format(TemplateParameterFormat.Named)
            .Header(new HeaderComponent { Text = "Order {{order_id}} shipped", NamedExamples = [new("order_id", "#1")] })
            .NamedBody("Hello {{first_name}}, your order has shipped. Thank you!", ("first_name", "Ana"))
            .Build());

    [Fact]
    public void A_text_header_of_61_characters_breaks_header_text()
    {
        var text = new string('x', 61);
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.HeaderText, Utility().HeaderText(text).Build()));
        Assert.Contains("is 61 characters; the limit is 60.", violation.Message);
    }

    [Fact]
    public void A_text_header_with_two_variables_breaks_header_text() =>
        RuleAssert.BreaksOnly(TemplateRules.HeaderText, Utility().HeaderText("Order {{1}} for {{2}}", "#1", "Ana").Build());

    [Fact]
    public void A_text_header_with_a_line_break_breaks_header_text() =>
        RuleAssert.BreaksOnly(TemplateRules.HeaderText, Utility().HeaderText("Your order\nhas shipped").Build());

    [Fact]
    public void A_text_header_with_an_emoji_breaks_header_text() =>
        RuleAssert.BreaksOnly(TemplateRules.HeaderText, Utility().HeaderText("Your order has shipped 🚚").Build());

    [Theory]
    [InlineData("*Big* news")]
    [InlineData("Big_news")]
    [InlineData("~Old~ price")]
    [InlineData("Use `CODE`")]
    public void A_text_header_with_markdown_characters_breaks_header_text(string text) =>
        RuleAssert.BreaksOnly(TemplateRules.HeaderText, Utility().HeaderText(text).Build());

    [Fact]
    public void A_text_header_without_text_breaks_header_text() =>
        RuleAssert.BreaksOnly(TemplateRules.HeaderText, Utility().HeaderText(" ").Build());

    [Fact]
    public void An_image_header_with_text_breaks_header_text() =>
        RuleAssert.BreaksOnly(TemplateRules.HeaderText,
            Utility().Header(new HeaderComponent { Format = HeaderFormat.Image, Text = "Look", MediaHandle = "4::abc" }).Build());

    [Fact]
    public void A_footer_of_60_characters_passes_footer_text() =>
        RuleAssert.Valid(Utility().Footer(new string('f', 60)).Build());

    [Fact]
    public void A_template_without_footer_passes_footer_text() =>
        RuleAssert.Valid(Utility().NoFooter().Build());

    [Fact]
    public void A_footer_of_61_characters_breaks_footer_text()
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.FooterText, Utility().Footer(new string('f', 61)).Build()));
        Assert.Contains("is 61 characters; the limit is 60.", violation.Message);
    }

    [Theory]
    [InlineData("Sent to {{1}}")]
    [InlineData("Sent to {{name}}")]
    public void A_footer_with_a_variable_breaks_footer_text(string text) =>
        RuleAssert.BreaksOnly(TemplateRules.FooterText, Utility().Footer(text).Build());

    [Fact]
    public void An_empty_footer_breaks_footer_text() =>
        RuleAssert.BreaksOnly(TemplateRules.FooterText, Utility().Footer("").Build());

    [Fact]
    public void Two_footers_break_footer_text() =>
        RuleAssert.BreaksOnly(TemplateRules.FooterText, Utility().AddComponent(new FooterComponent { Text = "Another footer" }).Build());
}
