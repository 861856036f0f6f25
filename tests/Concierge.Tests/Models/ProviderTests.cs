using Concierge.Models;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Tests.Models;

/// <summary>
/// Anthropic and Gemini through their OpenAI-compatible endpoints, each against a fake mounted
/// where that provider serves it (Gemini under /v1beta/openai/), with that provider's key as Bearer.
/// </summary>
public sealed class ProviderTests
{
    private const string GeminiKey = "AIzaSyFakeGeminiKey0123456789";
    private const string AnthropicKey = "sk-ant-api03-FakeAnthropicKey0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Gemini_completes_through_its_openai_path_with_its_key_default_model_and_price()
    {
        await using var sut = await ModelUnderTest.StartAsync("/v1beta/openai");
        sut.Server.Reply("Hola.", 1000, 100);
        var model = sut.Model(o => Gemini(o, sut.Server.BaseUrl));

        var result = await model.CompleteAsync(ModelTestKit.Ask("Hi"), Ct);

        Assert.Equal("Hola.", result.Response?.Text);
        Assert.EndsWith("/v1beta/openai/", sut.Server.BaseUrl.AbsolutePath, StringComparison.Ordinal);
        var request = Assert.Single(sut.Server.Requests);
        Assert.Equal("/v1beta/openai/chat/completions", request.Path);
        Assert.Equal("Bearer " + GeminiKey, request.Header("Authorization"));
        Assert.Equal("gemini-2.0-flash", request.Body!["model"]!.GetValue<string>());
        var log = Assert.Single(result.Calls);
        Assert.Equal(("gemini", "gemini-2.0-flash"), (log.Provider, log.Model));
        Assert.Equal(("gemini", "gemini-2.0-flash"), (model.Provider, model.Model));
        Assert.Equal((1000 * 0.10m / 1_000_000m) + (100 * 0.40m / 1_000_000m), log.Cost);
        Assert.DoesNotContain(GeminiKey, System.Text.Json.JsonSerializer.Serialize(result.Calls), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gemini_streams_through_its_openai_path()
    {
        await using var sut = await ModelUnderTest.StartAsync("/v1beta/openai");
        sut.Server.Stream(new FakeStep.Stream("uno dos tres", 5, 3));

        var updates = await ModelTestKit.CollectAsync(sut.Model(o => Gemini(o, sut.Server.BaseUrl)).StreamAsync(ModelTestKit.Ask("cuenta"), Ct), Ct);

        Assert.Equal(3, updates.OfType<ModelTextDelta>().Count());
        var result = Assert.IsType<ModelStreamCompleted>(updates[^1]).Result;
        Assert.Equal("uno dos tres", result.Response?.Text);
        Assert.Equal(5, result.Response?.InputTokens);
        Assert.Equal("/v1beta/openai/chat/completions", sut.Server.Requests[0].Path);
    }

    [Fact]
    public async Task Anthropic_completes_with_its_key_default_model_price_and_tools()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.ToolCalls(new FakeToolCall("opening_hours", "{}")).Reply("Open at nine.", 1000, 100);
        var model = sut.Model(o => Anthropic(o, sut.Server.BaseUrl));
        var tool = ModelTestKit.Tool("opening_hours", (_, _) => Task.FromResult("09:00"));

        var result = await model.CompleteAsync(ModelTestKit.AskWithTools("hours?", null, tool), Ct);

        Assert.Equal("Open at nine.", result.Response?.Text);
        Assert.All(sut.Server.Requests, r => Assert.Equal("Bearer " + AnthropicKey, r.Header("Authorization")));
        Assert.Equal("claude-3-5-haiku-latest", sut.Server.Requests[0].Body!["model"]!.GetValue<string>());
        Assert.Equal("/v1/chat/completions", sut.Server.Requests[0].Path);
        Assert.All(result.Calls, log => Assert.Equal("anthropic", log.Provider));
        Assert.Equal((1000 * 0.80m / 1_000_000m) + (100 * 4.00m / 1_000_000m), result.Calls[^1].Cost);
    }

    [Fact]
    public async Task Anthropic_streams()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Stream(new FakeStep.Stream("Claude says hi", 7, 3));

        var updates = await ModelTestKit.CollectAsync(sut.Model(o => Anthropic(o, sut.Server.BaseUrl)).StreamAsync(ModelTestKit.Ask("hi"), Ct), Ct);

        var result = Assert.IsType<ModelStreamCompleted>(updates[^1]).Result;
        Assert.Equal("Claude says hi", result.Response?.Text);
        Assert.Equal("anthropic", Assert.Single(result.Calls).Provider);
    }

    [Fact]
    public void Each_provider_has_its_own_endpoint_model_and_key_setting()
    {
        Assert.Null(new LanguageModelOptions().EffectiveBaseUrl);
        Assert.Equal("https://api.anthropic.com/v1/", new LanguageModelOptions { Provider = ModelProvider.Anthropic }.EffectiveBaseUrl?.AbsoluteUri);
        Assert.Equal("https://generativelanguage.googleapis.com/v1beta/openai/", new LanguageModelOptions { Provider = ModelProvider.Gemini }.EffectiveBaseUrl?.AbsoluteUri);
        Assert.Equal("claude-3-5-haiku-latest", new LanguageModelOptions { Provider = ModelProvider.Anthropic }.Model);
        Assert.Equal("my-model", new LanguageModelOptions { Provider = ModelProvider.Gemini, Model = "my-model" }.Model);
        Assert.Equal("ANTHROPIC_API_KEY", ModelProvider.Anthropic.ApiKeySetting());
        Assert.Equal("GEMINI_BASE_URL", ModelProvider.Gemini.BaseUrlSetting());
        Assert.True(ModelProviders.TryParse(" Gemini ", out var gemini));
        Assert.Equal(ModelProvider.Gemini, gemini);
        Assert.False(ModelProviders.TryParse("mistral", out _));
    }

    [Fact]
    public void A_model_without_a_key_names_the_providers_key_setting()
    {
        using var httpClient = new HttpClient();

        var error = Assert.Throws<ArgumentException>(() => new OpenAiCompatibleModel(
            new LanguageModelOptions { Provider = ModelProvider.Gemini }, httpClient, TimeProvider.System, new CapturingLogger<OpenAiCompatibleModel>()));

        Assert.Contains("GEMINI_API_KEY", error.Message, StringComparison.Ordinal);
    }

    private static void Gemini(LanguageModelOptions options, Uri baseUrl)
    {
        options.Provider = ModelProvider.Gemini;
        options.ApiKey = GeminiKey;
        options.BaseUrl = baseUrl;
        options.Model = ModelProvider.Gemini.DefaultModel();
    }

    private static void Anthropic(LanguageModelOptions options, Uri baseUrl)
    {
        options.Provider = ModelProvider.Anthropic;
        options.ApiKey = AnthropicKey;
        options.BaseUrl = baseUrl;
        options.Model = ModelProvider.Anthropic.DefaultModel();
    }
}
