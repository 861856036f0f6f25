using Concierge.Configuration;
using Concierge.Models;
using Concierge.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace Concierge.Server.Tests.Models;

/// <summary>How the provider, its key and its base URL are chosen from settings and the seed systems' aliases.</summary>
public sealed class ModelSettingsTests
{
    [Fact]
    public void Anthropic_api_key_alone_selects_anthropic_with_its_endpoint_and_default_model()
    {
        var options = Bind(("ANTHROPIC_API_KEY", "sk-ant-1"));

        Assert.Equal(ModelProvider.Anthropic, options.Provider);
        Assert.Equal("sk-ant-1", options.ApiKey);
        Assert.Equal("claude-3-5-haiku-latest", options.Model);
        Assert.Equal("https://api.anthropic.com/v1/", options.EffectiveBaseUrl?.AbsoluteUri);
    }

    [Fact]
    public void Gemini_api_key_alone_selects_gemini_and_gemini_base_url_moves_it()
    {
        var options = Bind(("GEMINI_API_KEY", "AIza-1"), ("GEMINI_BASE_URL", "http://127.0.0.1:9/v1beta/openai/"));

        Assert.Equal(ModelProvider.Gemini, options.Provider);
        Assert.Equal("AIza-1", options.ApiKey);
        Assert.Equal("gemini-2.0-flash", options.Model);
        Assert.Equal("http://127.0.0.1:9/v1beta/openai/", options.EffectiveBaseUrl?.AbsoluteUri);
    }

    [Fact]
    public void Openai_api_key_wins_when_several_keys_are_set()
    {
        var options = Bind(("GEMINI_API_KEY", "AIza-1"), ("ANTHROPIC_API_KEY", "sk-ant-1"), ("OPENAI_API_KEY", "sk-openai-1"));

        Assert.Equal(ModelProvider.OpenAi, options.Provider);
        Assert.Equal("sk-openai-1", options.ApiKey);
        Assert.Equal("gpt-4o-mini", options.Model);
        Assert.Null(options.EffectiveBaseUrl);
    }

    [Fact]
    public void Anthropic_wins_over_gemini_when_openai_is_absent()
    {
        Assert.Equal(ModelProvider.Anthropic, Bind(("GEMINI_API_KEY", "AIza-1"), ("ANTHROPIC_API_KEY", "sk-ant-1")).Provider);
    }

    [Fact]
    public void An_explicit_provider_picks_that_providers_key_among_several()
    {
        var options = Bind(("Concierge:Model:Provider", "gemini"), ("OPENAI_API_KEY", "sk-openai-1"), ("GEMINI_API_KEY", "AIza-1"));

        Assert.Equal(ModelProvider.Gemini, options.Provider);
        Assert.Equal("AIza-1", options.ApiKey);
    }

    [Fact]
    public void An_explicit_provider_uses_the_generic_key_and_base_url_when_its_aliases_are_absent()
    {
        var options = Bind(("LLM_PROVIDER", "anthropic"), ("Concierge:Model:ApiKey", "sk-ant-2"), ("Concierge:Model:BaseUrl", "http://127.0.0.1:9/v1"));

        Assert.Equal(ModelProvider.Anthropic, options.Provider);
        Assert.Equal("sk-ant-2", options.ApiKey);
        Assert.Equal("http://127.0.0.1:9/v1", options.EffectiveBaseUrl?.AbsoluteUri);
    }

    [Fact]
    public void The_openai_base_url_does_not_redirect_another_provider()
    {
        var options = Bind(("ANTHROPIC_API_KEY", "sk-ant-1"), ("OPENAI_BASE_URL", "http://127.0.0.1:9/v1"));

        Assert.Equal("https://api.anthropic.com/v1/", options.EffectiveBaseUrl?.AbsoluteUri);
    }

    [Fact]
    public void An_explicit_model_overrides_the_providers_default()
    {
        Assert.Equal("claude-sonnet-4-5", Bind(("ANTHROPIC_API_KEY", "k-1234"), ("OPENAI_MODEL", "claude-sonnet-4-5")).Model);
    }

    [Fact]
    public void No_key_means_no_model_configured()
    {
        var options = Bind();

        Assert.False(options.IsConfigured);
        Assert.Equal(ModelProvider.OpenAi, options.Provider);
    }

    [Theory]
    [InlineData("LLM_PROVIDER", "mistral", "LLM_PROVIDER")]
    [InlineData("Concierge:Model:Provider", "x", "Concierge:Model:Provider")]
    public void An_unknown_provider_stops_the_start_naming_the_setting(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidSettingException>(() => Bind((key, value)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("openai, anthropic or gemini", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_provider_base_url_is_reported_under_its_own_name()
    {
        var error = Assert.Throws<InvalidSettingException>(() => Bind(("GEMINI_API_KEY", "AIza-1"), ("GEMINI_BASE_URL", "not a url")));

        Assert.Contains("GEMINI_BASE_URL", error.Message, StringComparison.Ordinal);
    }

    private static LanguageModelOptions Bind(params (string Key, string Value)[] settings) =>
        ModelSettings.Bind(Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            ));
}
