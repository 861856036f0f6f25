using Concierge.Models;
using Names = Concierge.Models.LanguageModelOptions.SettingNames;

namespace Concierge.Server.Configuration;

/// <summary>
/// Binds <see cref="LanguageModelOptions"/> from <c>Concierge:Model:*</c> or the seed systems' names.
/// The provider is <c>Concierge:Model:Provider</c> (alias LLM_PROVIDER) when set, else inferred from
/// which key is set: OPENAI_API_KEY, then ANTHROPIC_API_KEY, then GEMINI_API_KEY (OpenAI wins when
/// several are set, so adding a second key never silently switches a running deployment).
/// </summary>
public static class ModelSettings
{
    private const string Section = "Concierge:Model:";

    /// <summary>The seed systems' names for these settings (the provider's own key and URL names are read per provider).</summary>
    public static readonly IReadOnlyList<SettingAlias> Aliases =
    [
        new(Names.Provider, Section + "Provider"),
        new(Names.Model, Section + "Model"),
        new(Names.Temperature, Section + "Temperature"),
        new(Names.RequestTimeout, Section + "RequestTimeout"),
        new(Names.MaxRetries, Section + "MaxRetries"),
        new(Names.RetryBaseDelay, Section + "RetryBaseDelay"),
        new(Names.MaxRetryDelay, Section + "MaxRetryDelay"),
        new(Names.TotalTimeout, Section + "TotalTimeout"),
        new(Names.CircuitFailureRatio, Section + "CircuitFailureRatio"),
        new(Names.CircuitMinimumThroughput, Section + "CircuitMinimumThroughput"),
        new(Names.CircuitSamplingDuration, Section + "CircuitSamplingDuration"),
        new(Names.CircuitBreakDuration, Section + "CircuitBreakDuration"),
    ];

    public static LanguageModelOptions Bind(IConfiguration configuration)
    {
        var defaults = new LanguageModelOptions();
        var requestTimeout = Settings.Duration(configuration, Section + "RequestTimeout", defaults.RequestTimeout);
        var retries = Settings.Int(configuration, Section + "MaxRetries", defaults.MaxRetries);
        var (provider, apiKey) = Provider(configuration);
        var options = new LanguageModelOptions
        {
            Provider = provider,
            ApiKey = apiKey,
            BaseUrl = Url(configuration, provider),
            Temperature = Settings.Double(configuration, Section + "Temperature", defaults.Temperature),
            RequestTimeout = requestTimeout,
            MaxRetries = retries,
            RetryBaseDelay = Settings.Duration(configuration, Section + "RetryBaseDelay", defaults.RetryBaseDelay),
            MaxRetryDelay = Settings.Duration(configuration, Section + "MaxRetryDelay", defaults.MaxRetryDelay),

            // Unless set, the whole call may take every attempt's timeout plus the waits between them.
            TotalTimeout = Settings.Duration(configuration, Section + "TotalTimeout",
                Max(defaults.TotalTimeout, (requestTimeout * (retries + 1)) + (defaults.MaxRetryDelay * retries))),
            CircuitFailureRatio = Settings.Double(configuration, Section + "CircuitFailureRatio", defaults.CircuitFailureRatio),
            CircuitMinimumThroughput = Settings.Int(configuration, Section + "CircuitMinimumThroughput", defaults.CircuitMinimumThroughput),
            CircuitSamplingDuration = Settings.Duration(configuration, Section + "CircuitSamplingDuration", defaults.CircuitSamplingDuration),
            CircuitBreakDuration = Settings.Duration(configuration, Section + "CircuitBreakDuration", defaults.CircuitBreakDuration),
        };

        if (Settings.String(configuration, Section + "Model") is { } model)
        {
            options.Model = model;
        }

        foreach (var price in configuration.GetSection(Section + "Prices").GetChildren())
        {
            var input = Settings.Double(price, "Input", double.NaN);
            var output = Settings.Double(price, "Output", double.NaN);
            if (double.IsNaN(input) || double.IsNaN(output))
            {
                throw new InvalidSettingException($"{Section}Prices:{price.Key}", "needs Input and Output (USD per million tokens)");
            }

            options.Prices[price.Key] = new ModelPrice((decimal)input, (decimal)output);
        }

        var problem = options.Validate().FirstOrDefault();
        return problem is null ? options : throw new InvalidSettingException(problem.Split(' ')[0], problem[(problem.IndexOf(' ') + 1)..]);
    }

    private static (ModelProvider Provider, string? ApiKey) Provider(IConfiguration configuration)
    {
        var (text, name) = Settings.Find(configuration, Section + "Provider");
        if (!string.IsNullOrWhiteSpace(text))
        {
            return ModelProviders.TryParse(text, out var chosen)
                ? (chosen, Settings.String(configuration, chosen.ApiKeySetting()) ?? Settings.String(configuration, Section + "ApiKey"))
                : throw new InvalidSettingException(name, $"must be openai, anthropic or gemini, got '{text.Trim()}'");
        }

        foreach (var candidate in (ModelProvider[])[ModelProvider.OpenAi, ModelProvider.Anthropic, ModelProvider.Gemini])
        {
            if (Settings.String(configuration, candidate.ApiKeySetting()) is { } key)
            {
                return (candidate, key);
            }
        }

        return (ModelProvider.OpenAi, Settings.String(configuration, Section + "ApiKey"));
    }

    private static Uri? Url(IConfiguration configuration, ModelProvider provider)
    {
        // Each provider has its own URL setting (OPENAI_BASE_URL, ANTHROPIC_BASE_URL...), which wins.
        var (value, name) = Settings.Find(configuration, provider.BaseUrlSetting()) is { Value.Length: > 0 } own ? own : Settings.Find(configuration, Section + "BaseUrl");
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidSettingException(name, "must be an absolute http(s) URL such as https://api.openai.com/v1");
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
