using Concierge.Skills.Templates;
using static Concierge.Tests.Skills.Templates.TemplateDraftBuilder;

namespace Concierge.Tests.Skills.Templates;

/// <summary>auth.body, auth.footer, auth.button, auth.no_media, marketing.optout.</summary>
public class TemplateAuthenticationAndMarketingRulesTests
{
    private static readonly SupportedApp App = new("com.example.app", "K8a/AINcGX7");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    [InlineData(null)]
    public void An_authentication_body_with_only_the_security_flag_passes_auth_body(bool? recommend) =>
        RuleAssert.Valid(Authentication().Body(new BodyComponent { AddSecurityRecommendation = recommend }).Build());

    [Fact]
    public void An_authentication_body_with_text_breaks_auth_body() =>
        RuleAssert.BreaksOnly(TemplateRules.AuthBody, Authentication().Body(new BodyComponent { Text = "Your code is {{1}}. Do not share it.", Examples = ["123456"] }).Build());

    [Fact]
    public void The_security_flag_on_a_utility_body_breaks_auth_body() =>
        RuleAssert.BreaksOnly(TemplateRules.AuthBody,
            Utility().Body(new BodyComponent { Text = UtilityBody, Examples = ["Ana", "#1"], AddSecurityRecommendation = true }).Build());

    [Theory]
    [InlineData(1)]
    [InlineData(90)]
    public void A_code_expiry_from_1_to_90_minutes_passes_auth_footer(int minutes) =>
        RuleAssert.Valid(Authentication().Footer(new FooterComponent { CodeExpirationMinutes = minutes }).Build());

    [Fact]
    public void An_authentication_template_without_footer_passes_auth_footer() =>
        RuleAssert.Valid(Authentication().NoFooter().Build());

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    [InlineData(-5)]
    public void A_code_expiry_outside_1_to_90_breaks_auth_footer(int minutes)
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.AuthFooter,
            Authentication().Footer(new FooterComponent { CodeExpirationMinutes = minutes }).Build()));
        Assert.Equal($"code_expiration_minutes is {minutes}; it must be between 1 and 90.", violation.Message);
    }

    [Fact]
    public void An_authentication_footer_with_text_breaks_auth_footer() =>
        RuleAssert.BreaksOnly(TemplateRules.AuthFooter, Authentication().Footer(new FooterComponent { Text = "Expires soon", CodeExpirationMinutes = 5 }).Build());

    [Fact]
    public void A_code_expiry_on_a_utility_footer_breaks_auth_footer() =>
        RuleAssert.BreaksOnly(TemplateRules.AuthFooter, Utility().Footer(new FooterComponent { Text = "Thanks", CodeExpirationMinutes = 5 }).Build());

    [Fact]
    public void A_one_tap_button_with_an_app_passes_auth_button() =>
        RuleAssert.Valid(Authentication().Buttons(new OtpButton(OtpType.OneTap) { Text = "Autofill", SupportedApps = [App] }).Build());

    [Fact]
    public void A_zero_tap_button_with_accepted_terms_passes_auth_button() =>
        RuleAssert.Valid(Authentication().Buttons(new OtpButton(OtpType.ZeroTap) { SupportedApps = [App], ZeroTapTermsAccepted = true }).Build());

    [Fact]
    public void An_authentication_template_without_otp_button_breaks_auth_button() =>
        RuleAssert.BreaksOnly(TemplateRules.AuthButton, Authentication().NoButtons().Build());

    [Fact]
    public void Two_otp_buttons_break_auth_button() =>
        RuleAssert.BreaksOnly(TemplateRules.AuthButton, Authentication().Buttons(new OtpButton(OtpType.CopyCode), new OtpButton(OtpType.CopyCode)).Build());

    [Fact]
    public void An_unknown_otp_type_breaks_auth_button() =>
        RuleAssert.BreaksOnly(TemplateRules.AuthButton, Authentication().Buttons(new OtpButton("MAGIC_LINK")).Build());

    [Theory]
    [InlineData(OtpType.OneTap)]
    [InlineData(OtpType.ZeroTap)]
    public void A_one_or_zero_tap_button_without_apps_breaks_auth_button(string otpType) =>
        RuleAssert.BreaksOnly(TemplateRules.AuthButton, Authentication().Buttons(new OtpButton(otpType) { ZeroTapTermsAccepted = true }).Build());

    [Fact]
    public void Six_supported_apps_break_auth_button() =>
        RuleAssert.BreaksOnly(TemplateRules.AuthButton, Authentication().Buttons(new OtpButton(OtpType.OneTap) { SupportedApps = Enumerable.Repeat(App, 6).ToArray() }).Build());

    [Theory]
    [InlineData("example", "K8a/AINcGX7")]
    [InlineData("com.1example.app", "K8a/AINcGX7")]
    [InlineData("com.example.app", "K8a/AINcGX")]
    [InlineData("com.example.app", "K8a/AINcGX7!")]
    public void A_bad_package_name_or_signature_hash_breaks_auth_button(string package, string hash) =>
        RuleAssert.BreaksOnly(TemplateRules.AuthButton, Authentication().Buttons(new OtpButton(OtpType.OneTap) { SupportedApps = [new(package, hash)] }).Build());

    [Fact]
    public void A_zero_tap_button_without_accepted_terms_breaks_auth_button()
    {
        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.AuthButton,
            Authentication().Buttons(new OtpButton(OtpType.ZeroTap) { SupportedApps = [App] }).Build()));
        Assert.Contains("zero_tap_terms_accepted: true", violation.Message);
    }

    [Fact]
    public void A_quick_reply_in_an_authentication_template_breaks_auth_button() =>
        RuleAssert.BreaksOnly(TemplateRules.AuthButton, Authentication().Buttons(new OtpButton(OtpType.CopyCode), new QuickReplyButton("Not me")).Build());

    [Fact]
    public void An_otp_button_in_a_utility_template_breaks_auth_button() =>
        RuleAssert.BreaksOnly(TemplateRules.AuthButton, Utility().Buttons(new OtpButton(OtpType.CopyCode)).Build());

    [Fact]
    public void The_preset_authentication_shape_passes_auth_no_media() =>
        RuleAssert.Valid(Authentication().Build());

    [Fact]
    public void A_media_header_in_an_authentication_template_breaks_auth_no_media() =>
        RuleAssert.BreaksOnly(TemplateRules.AuthNoMedia, Authentication().MediaHeader(HeaderFormat.Image, "4::abc").Build());

    [Fact]
    public void A_text_header_in_an_authentication_template_breaks_auth_no_media() =>
        RuleAssert.BreaksOnly(TemplateRules.AuthNoMedia, Authentication().HeaderText("Your code").Build());

    [Fact]
    public void A_url_button_in_an_authentication_template_breaks_auth_no_media() =>
        RuleAssert.BreaksOnly(TemplateRules.AuthNoMedia,
            Authentication().Buttons(new OtpButton(OtpType.CopyCode), new UrlButton("Help", "https://example.com/help")).Build());

    [Fact]
    public void An_emoji_in_an_authentication_button_breaks_auth_no_media() =>
        RuleAssert.BreaksOnly(TemplateRules.AuthNoMedia, Authentication().Buttons(new OtpButton(OtpType.CopyCode) { Text = "Copy 🔑" }).Build());

    [Theory]
    [InlineData("Reply STOP to opt out", null)]
    [InlineData("Spring sale", "Unsubscribe")]
    [InlineData("Spring sale", "Stop promotions")]
    public void A_marketing_template_with_an_opt_out_gets_no_marketing_optout_advice(string footer, string? quickReply)
    {
        var builder = Marketing().Footer(footer);
        if (quickReply is not null)
        {
            builder.Buttons(new QuickReplyButton("Shop now"), new QuickReplyButton(quickReply));
        }

        Assert.Empty(RuleAssert.Validator.Validate(builder.Build()));
    }

    [Fact]
    public void A_marketing_template_without_opt_out_gets_marketing_optout_advice_and_stays_valid()
    {
        var draft = Marketing().Footer("Spring sale at Example Shop").Build();

        var violation = Assert.Single(RuleAssert.BreaksOnly(TemplateRules.MarketingOptOut, draft));
        Assert.Equal(RuleSeverity.Advice, violation.Severity);
        Assert.False(violation.IsError);
        Assert.True(RuleAssert.Validator.IsValid(draft));
    }

    [Fact]
    public void A_utility_template_without_opt_out_gets_no_marketing_advice() =>
        Assert.DoesNotContain(RuleAssert.Validator.Validate(Utility().NoFooter().Build()), v => v.Code == TemplateRules.MarketingOptOut);
}
