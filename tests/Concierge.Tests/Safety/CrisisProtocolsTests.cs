using Concierge.Safety;

namespace Concierge.Tests.Safety;

public class CrisisProtocolsTests
{
    [Theory]
    [InlineData("es-CL", null, "es-CL", "*4141")]
    [InlineData("es_cl", null, "es-CL", "*4141")]
    [InlineData("es-ES", "es", "es-ES", "024")]
    [InlineData("es-MX", null, "es-MX", "800 911 2000")]
    [InlineData("en-US", "en", "en-US", "988")]
    [InlineData("en-GB", null, "en-GB", "116 123")]
    [InlineData("pt-BR", "pt", "pt-BR", "188")]
    [InlineData("es-AR", null, "es-CL", "*4141")]
    [InlineData("es", null, "es-CL", "*4141")]
    [InlineData("pt-PT", null, "pt-BR", "188")]
    [InlineData("en", null, "en-US", "988")]
    [InlineData("fr-FR", null, "en-US", "988")]
    [InlineData("", null, "en-US", "988")]
    public void Falls_back_from_the_exact_locale_to_the_language_default_and_then_to_en_us(string locale, string? detected, string expectedLocale, string number)
    {
        var protocol = CrisisProtocols.Default.For(locale, detected);

        Assert.Equal(expectedLocale, protocol.Locale);
        Assert.Contains(number, protocol.Reply);
    }

    [Fact]
    public void Answers_in_the_users_language_but_keeps_the_regional_hotline()
    {
        var protocol = CrisisProtocols.Default.For("es-CL", "en");

        Assert.Equal("en", protocol.Language);
        Assert.Contains("*4141", protocol.Reply);
        Assert.Contains("Are you safe right now?", protocol.Reply);
    }

    [Fact]
    public void Answers_in_the_users_language_with_its_default_when_the_agent_has_no_region()
    {
        var protocol = CrisisProtocols.Default.For("en", "pt");

        Assert.Equal("pt-BR", protocol.Locale);
        Assert.Contains("188", protocol.Reply);
    }

    [Theory]
    [InlineData("es-CL", "¿Estás a salvo en este momento?")]
    [InlineData("en-US", "Are you safe right now?")]
    [InlineData("pt-BR", "Você está em segurança neste momento?")]
    public void Every_reply_asks_whether_the_person_is_safe_and_every_follow_up_keeps_the_hotline(string locale, string question)
    {
        var protocol = CrisisProtocols.Default.For(locale, null);

        Assert.EndsWith(question, protocol.Reply);
        Assert.Contains(protocol.EmergencyNumber, protocol.Reply);
        Assert.All(protocol.Hotlines, h => Assert.Contains(h.Number, protocol.FollowUp));
        Assert.DoesNotContain("{", protocol.Reply + protocol.FollowUp);
    }

    [Fact]
    public void An_agent_can_replace_the_hotlines_and_keep_the_default_wording()
    {
        var protocols = new CrisisProtocols([new CrisisProtocolOverride("es-CL", Hotlines: [new("+56 2 2345 6789", "línea de la clínica")])]);

        var protocol = protocols.For("es-CL", "es");

        Assert.Contains("+56 2 2345 6789", protocol.Reply);
        Assert.DoesNotContain("*4141", protocol.Reply);
        Assert.Contains("No tienes que cargar con esto a solas", protocol.Reply);
    }

    [Fact]
    public void An_agent_can_replace_the_reply_and_add_a_locale_of_its_own()
    {
        var protocols = new CrisisProtocols([
            new CrisisProtocolOverride("es-PE", Hotlines: [new("113", "línea de salud mental")], EmergencyNumber: "106"),
            new CrisisProtocolOverride("en-US", ReplyTemplate: "Please call {hotlines} now."),
        ]);

        Assert.Contains("113 (línea de salud mental)", protocols.For("es-PE", null).Reply);
        Assert.Contains("106", protocols.For("es-PE", null).Reply);
        Assert.Equal("Please call 988 (Suicide & Crisis Lifeline) now.", protocols.For("en-US", null).Reply);
        Assert.Contains("988", CrisisProtocols.Default.For("en-US", null).Reply);
    }
}
