using Concierge.Skills.Templates;
using static Concierge.Tests.Skills.Templates.TemplateDraftBuilder;

namespace Concierge.Tests.Skills.Templates;

/// <summary>buttons.count, buttons.text, buttons.quick_reply, buttons.url, buttons.phone, buttons.copy_code.</summary>
public class TemplateButtonRulesTests
{
    private static QuickReplyButton[] QuickReplies(int count) =>
        Enumerable.Range(1, count).Select(i => new QuickReplyButton($"Option {i}")).ToArray();

    [Fact]
    public void Ten_buttons_pass_buttons_count() =>
        RuleAssert.Valid(Utility().Buttons(QuickReplies(10)).Build());

    [Fact]
    public void Eleven_buttons_break_buttons_count()
    {
        var buttons = QuickReplies(10).Cast<TemplateButton>().Append(new PhoneNumberButton("Call us", "+14155550123")).ToArray();

        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.ButtonsCount, Utility().Buttons(buttons).Build()));
        Assert.Equal("The template has 11 buttons; the limit is 10.", violation.Message);
    }

    [Fact]
    public void An_empty_buttons_component_breaks_buttons_count() =>
        RuleAssert.BreaksOnly(TemplateRules.ButtonsCount, Utility().Buttons().Build());

    [Fact]
    public void Two_buttons_components_break_buttons_count() =>
        RuleAssert.BreaksOnly(TemplateRules.ButtonsCount, Utility().AddComponent(new ButtonsComponent([new QuickReplyButton("More")])).Build());

    [Fact]
    public void A_label_of_25_characters_passes_buttons_text() =>
        RuleAssert.Valid(Utility().Buttons(new QuickReplyButton(new string('b', 25))).Build());

    [Fact]
    public void A_label_of_26_characters_or_more_breaks_buttons_text()
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.ButtonsText,
            Utility().Buttons(new QuickReplyButton("Track your order now please")).Build()));
        Assert.Equal("The button label 'Track your order now please' is 27 characters; the limit is 25.", violation.Message);
        Assert.Equal("components[3].buttons[0].text", violation.Path);
    }

    [Fact]
    public void An_empty_label_breaks_buttons_text() =>
        RuleAssert.BreaksOnly(TemplateRules.ButtonsText, Utility().Buttons(new PhoneNumberButton("", "+14155550123")).Build());

    [Theory]
    [InlineData("Hi {{1}}")]
    [InlineData("Hi {{name}}")]
    public void A_label_with_a_variable_breaks_buttons_text(string label) =>
        RuleAssert.BreaksOnly(TemplateRules.ButtonsText, Utility().Buttons(new QuickReplyButton(label)).Build());

    [Fact]
    public void Quick_replies_before_or_after_the_other_buttons_pass_buttons_quick_reply()
    {
        TemplateButton url = new UrlButton("Track order", TrackUrl) { Example = "ABC" };
        TemplateButton phone = new PhoneNumberButton("Call us", "+14155550123");
        TemplateButton yes = new QuickReplyButton("Yes");
        TemplateButton no = new QuickReplyButton("No");

        RuleAssert.Valid(Utility().Buttons(yes, no, url, phone).Build());
        RuleAssert.Valid(Utility().Buttons(url, phone, yes, no).Build());
    }

    [Fact]
    public void Quick_replies_split_by_another_button_break_buttons_quick_reply()
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.ButtonsQuickReply,
            Utility().Buttons(new QuickReplyButton("Yes"), new UrlButton("Track order", TrackUrl) { Example = "ABC" }, new QuickReplyButton("No")).Build()));
        Assert.Contains("QUICK_REPLY, URL, QUICK_REPLY", violation.Message);
    }

    [Fact]
    public void Eleven_quick_replies_break_buttons_quick_reply() =>
        RuleAssert.Breaks(TemplateRules.ButtonsQuickReply, Utility().Buttons(QuickReplies(11)).Build());

    [Theory]
    [InlineData("https://shop.example.com/track/{{1}}", "ABC123")]
    [InlineData("https://shop.example.com/orders", null)]
    [InlineData("http://shop.example.com/orders?id={{1}}", "7")]
    public void A_full_web_address_with_at_most_a_trailing_variable_passes_buttons_url(string url, string? example) =>
        RuleAssert.Valid(Utility().Buttons(new UrlButton("Open", url) { Example = example }).Build());

    [Fact]
    public void Two_url_buttons_pass_buttons_url() =>
        RuleAssert.Valid(Utility().Buttons(new UrlButton("Open", "https://a.example.com"), new UrlButton("Help", "https://b.example.com")).Build());

    [Fact]
    public void Three_url_buttons_break_buttons_url() =>
        RuleAssert.BreaksOnly(TemplateRules.ButtonsUrl, Utility().Buttons(
            new UrlButton("Open", "https://a.example.com"), new UrlButton("Help", "https://b.example.com"), new UrlButton("More", "https://c.example.com")).Build());

    [Theory]
    [InlineData("www.example.com/track")]
    [InlineData("ftp://example.com/file")]
    [InlineData("https://")]
    [InlineData("")]
    [InlineData("https://example.com/{{1}}/track")]
    [InlineData("https://example.com/{{1}}/{{2}}")]
    [InlineData("https://example.com/{{2}}")]
    [InlineData("https://example.com/{{code}}")]
    public void A_url_that_is_not_a_web_address_with_one_trailing_variable_breaks_buttons_url(string url) =>
        RuleAssert.BreaksOnly(TemplateRules.ButtonsUrl, Utility().Buttons(new UrlButton("Open", url) { Example = "x" }).Build());

    [Fact]
    public void A_url_longer_than_2000_characters_breaks_buttons_url() =>
        RuleAssert.BreaksOnly(TemplateRules.ButtonsUrl, Utility().Buttons(new UrlButton("Open", "https://example.com/" + new string('p', 1981))).Build());

    [Fact]
    public void A_url_variable_without_example_breaks_buttons_url()
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.ButtonsUrl, Utility().Buttons(new UrlButton("Track order", TrackUrl)).Build()));
        Assert.Equal("components[3].buttons[0].example", violation.Path);
    }

    [Theory]
    [InlineData("+14155550123")]
    [InlineData("+5491123456789")]
    public void An_international_number_passes_buttons_phone(string phone) =>
        RuleAssert.Valid(Utility().Buttons(new PhoneNumberButton("Call us", phone)).Build());

    [Theory]
    [InlineData("14155550123")]
    [InlineData("+1 415 555 0123")]
    [InlineData("555-0123")]
    [InlineData("+0123456789")]
    [InlineData("")]
    [InlineData("+123456789012345678901")]
    public void A_number_not_in_e164_breaks_buttons_phone(string phone) =>
        RuleAssert.BreaksOnly(TemplateRules.ButtonsPhone, Utility().Buttons(new PhoneNumberButton("Call us", phone)).Build());

    [Fact]
    public void Two_phone_buttons_break_buttons_phone() =>
        RuleAssert.BreaksOnly(TemplateRules.ButtonsPhone, Utility().Buttons(
            new PhoneNumberButton("Call us", "+14155550123"), new PhoneNumberButton("Call sales", "+14155550124")).Build());

    [Fact]
    public void A_copy_code_of_15_characters_passes_buttons_copy_code() =>
        RuleAssert.Valid(Utility().Buttons(new CopyCodeButton(new string('C', 15))).Build());

    [Fact]
    public void A_copy_code_of_16_characters_breaks_buttons_copy_code()
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.ButtonsCopyCode, Utility().Buttons(new CopyCodeButton("SPRING2026SALE10")).Build()));
        Assert.Equal("The copy-code example 'SPRING2026SALE10' is 16 characters; the limit is 15.", violation.Message);
    }

    [Fact]
    public void A_copy_code_without_example_breaks_buttons_copy_code() =>
        RuleAssert.BreaksOnly(TemplateRules.ButtonsCopyCode, Utility().Buttons(new CopyCodeButton("")).Build());

    [Fact]
    public void Two_copy_code_buttons_break_buttons_copy_code() =>
        RuleAssert.BreaksOnly(TemplateRules.ButtonsCopyCode, Utility().Buttons(new CopyCodeButton("A1"), new CopyCodeButton("B2")).Build());
}
