using Concierge.Skills.Templates;

namespace Concierge.Tests.Skills.Templates;

public class TemplateNamesAndLanguagesTests
{
    [Theory]
    [InlineData("order shipped with tracking", "order_shipped_with_tracking")]
    [InlineData("confirmación de cita", "confirmacion_de_cita")]
    [InlineData("Rappel : rendez-vous à 10h", "rappel_rendez_vous_a_10h")]
    [InlineData("Straße & Ærø", "strasse_aero")]
    [InlineData("  Order #1234 -- shipped!  ", "order_1234_shipped")]
    public void A_purpose_becomes_an_ascii_snake_case_name(string purpose, string expected) =>
        Assert.Equal(expected, TemplateNames.FromPurpose(purpose));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ???")]
    [InlineData("注文確認")]
    [InlineData(null)]
    public void A_purpose_with_nothing_usable_becomes_template(string? purpose) =>
        Assert.Equal("template", TemplateNames.FromPurpose(purpose));

    [Fact]
    public void A_long_purpose_is_cut_at_a_word_boundary_within_60_characters()
    {
        var name = TemplateNames.FromPurpose("reminder for the appointment tomorrow morning with the dentist downtown please");

        Assert.Equal("reminder_for_the_appointment_tomorrow_morning_with_the", name);
        Assert.True(name.Length <= 60);
    }

    [Fact]
    public void A_single_long_word_is_cut_at_60_characters() =>
        Assert.Equal(60, TemplateNames.FromPurpose(new string('a', 100)).Length);

    [Fact]
    public void Derived_names_pass_name_format()
    {
        foreach (var purpose in new[] { "Ünïcödé stuff", "x", "order shipped with tracking", new string('z', 700) })
        {
            Assert.Matches("^[a-z0-9_]{1,512}$", TemplateNames.FromPurpose(purpose));
            Assert.Matches("^[a-z0-9_]{1,512}$", TemplateNames.Normalize(purpose));
        }
    }

    [Theory]
    [InlineData("en-US", "en_US")]
    [InlineData("EN_us", "en_US")]
    [InlineData("pt-br", "pt_BR")]
    [InlineData(" es ", "es")]
    [InlineData("es-mx", "es_MX")]
    [InlineData("zh-tw", "zh_TW")]
    [InlineData("FIL", "fil")]
    [InlineData("de-DE", "de")]
    [InlineData("fr_FR", "fr")]
    public void A_language_code_in_another_form_normalises_to_metas_code(string input, string expected) =>
        Assert.Equal(expected, TemplateLanguages.Default.Normalize(input));

    [Theory]
    [InlineData("xx")]
    [InlineData("pt")]
    [InlineData("english")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_language_normalises_to_null(string? input) =>
        Assert.Null(TemplateLanguages.Default.Normalize(input));

    [Fact]
    public void The_default_list_holds_metas_codes_in_metas_case()
    {
        foreach (var code in new[] { "en_US", "en_GB", "es", "es_MX", "es_AR", "es_ES", "pt_BR", "pt_PT", "fr", "de", "it", "zh_CN", "fil" })
        {
            Assert.True(TemplateLanguages.Default.Contains(code), code);
        }

        Assert.False(TemplateLanguages.Default.Contains("en-US"));
        Assert.False(TemplateLanguages.Default.Contains("EN_US"));
    }

    [Fact]
    public void A_configured_list_replaces_the_default()
    {
        var languages = new TemplateLanguages(["en_US", "en_ZA", " ", "en_ZA"]);

        Assert.Equal(["en_US", "en_ZA"], languages.Codes);
        Assert.Equal("en_ZA", languages.Normalize("en-za"));
        Assert.Null(languages.Normalize("es"));
    }
}
