using Concierge.Server.WhatsApp;
using Concierge.Configuration;
using Concierge.Server.Configuration;
using Concierge.Server.Templates;
using Microsoft.Extensions.Configuration;

namespace Concierge.Server.Tests.WhatsApp;

public sealed class WhatsAppSettingsTests
{
    private static WhatsAppSettings Bind(params (string Key, string Value)[] values) =>
        WhatsAppSettings.Bind(Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))));

    [Fact]
    public void Defaults_point_at_metas_graph_api_with_nothing_configured()
    {
        var settings = Bind();

        Assert.Equal(new Uri("https://graph.facebook.com"), settings.GraphBaseUrl);
        Assert.Equal("v21.0", settings.GraphVersion);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.RequestTimeout);
        Assert.Null(settings.WabaId);
        Assert.Null(settings.AccessToken);
    }

    [Fact]
    public void Aliases_win_over_the_section_and_secrets_stay_out_of_to_string()
    {
        var settings = Bind(
            ("Concierge:WhatsApp:GraphVersion", "v20.0"),
            ("WHATSAPP_GRAPH_VERSION", "v22.0"),
            ("Concierge:WhatsApp:WabaId", "123"),
            ("WHATSAPP_ACCESS_TOKEN", "EAAGsecret"),
            ("WHATSAPP_APP_SECRET", "appsecret"),
            ("WHATSAPP_VERIFY_TOKEN", "verifyme"),
            ("WHATSAPP_REQUEST_TIMEOUT", "5s"));

        Assert.Equal(("v22.0", "123", TimeSpan.FromSeconds(5)), (settings.GraphVersion, settings.WabaId, settings.RequestTimeout));
        var text = settings.ToString() + new ConfiguredWhatsAppAccounts(settings).ForWebhook();
        Assert.DoesNotContain("EAAGsecret", text);
        Assert.DoesNotContain("appsecret", text);
        Assert.DoesNotContain("verifyme", text);
    }

    [Theory]
    [InlineData("WHATSAPP_GRAPH_BASE_URL", "graph.facebook.com")]
    [InlineData("WHATSAPP_GRAPH_BASE_URL", "ftp://graph.facebook.com")]
    [InlineData("WHATSAPP_GRAPH_VERSION", "21.0")]
    [InlineData("WHATSAPP_GRAPH_VERSION", "v21")]
    [InlineData("WHATSAPP_GRAPH_VERSION", "latest")]
    [InlineData("WHATSAPP_WABA_ID", "12/../34")]
    [InlineData("WHATSAPP_REQUEST_TIMEOUT", "soon")]
    [InlineData("WHATSAPP_REQUEST_TIMEOUT", "0")]
    [InlineData("Concierge:WhatsApp:GraphVersion", "v21.0.1")]
    public void A_bad_value_names_the_setting(string key, string value)
    {
        var error = Assert.Throws<InvalidSettingException>(() => Bind((key, value)));

        Assert.Equal(key, error.Setting);
    }

    [Fact]
    public void A_bad_secret_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<InvalidSettingException>(() => Bind(("WHATSAPP_ACCESS_TOKEN", "EAAG secret")));

        Assert.Equal("WHATSAPP_ACCESS_TOKEN", error.Setting);
        Assert.DoesNotContain("EAAG", error.Message);
    }
}
