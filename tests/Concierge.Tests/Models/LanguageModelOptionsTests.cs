using Concierge.Models;

namespace Concierge.Tests.Models;

public sealed class LanguageModelOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_unconfigured_without_a_key()
    {
        var options = new LanguageModelOptions();

        Assert.Empty(options.Validate());
        Assert.False(options.IsConfigured);
        Assert.Equal("gpt-4o-mini", options.Model);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
        Assert.True(new LanguageModelOptions { ApiKey = "sk-x" }.IsConfigured);
        Assert.False(new LanguageModelOptions { ApiKey = "  " }.IsConfigured);
    }

    [Fact]
    public void Each_bad_setting_gets_one_message_naming_it()
    {
        var options = new LanguageModelOptions { Temperature = 3, MaxRetries = 9, RequestTimeout = TimeSpan.Zero, Model = "" };

        var problems = options.Validate().ToList();

        Assert.Contains("LLM_TEMPERATURE must be between 0 and 2, got 3", problems);
        Assert.Contains(problems, p => p.StartsWith("LLM_MAX_RETRIES", StringComparison.Ordinal) && p.EndsWith("got 9", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("REQUEST_TIMEOUT", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("OPENAI_MODEL", StringComparison.Ordinal));
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Prices_have_defaults_that_configuration_can_override_and_extend()
    {
        var options = new LanguageModelOptions();
        options.Prices["gpt-4o"] = new ModelPrice(1m, 2m);
        options.Prices["mistral-small"] = new ModelPrice(0.1m, 0.3m);

        Assert.Equal(0.75m, options.CostOf("gpt-4o-mini", 1_000_000, 1_000_000));
        Assert.Equal(3m, options.CostOf("GPT-4O", 1_000_000, 1_000_000));
        Assert.Equal(0.4m, options.CostOf("mistral-small", 1_000_000, 1_000_000));
        Assert.Null(options.CostOf("unknown", 10, 10));
    }

    [Fact]
    public void The_model_refuses_to_start_without_a_key_naming_the_setting()
    {
        using var httpClient = new HttpClient();

        var error = Assert.Throws<ArgumentException>(() => new OpenAiCompatibleModel(
            new LanguageModelOptions(), httpClient, TimeProvider.System, new CapturingLogger<OpenAiCompatibleModel>()));

        Assert.Contains("OPENAI_API_KEY", error.Message, StringComparison.Ordinal);
    }
}
