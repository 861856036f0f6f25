namespace Concierge.Models;

/// <summary>
/// Settings of the language model (OpenAI, or Anthropic / Gemini through their OpenAI-compatible endpoints). A plain object so that the host can bind it
/// from configuration (and the seed systems' environment aliases) without the domain knowing how.
/// </summary>
public sealed class LanguageModelOptions
{
    /// <summary>The provider's API key; null or blank means "no model configured" (offline only).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Which provider the key belongs to; it picks the default base URL, model and log name.</summary>
    public ModelProvider Provider { get; set; } = ModelProvider.OpenAi;

    /// <summary>Base URL of an OpenAI-compatible API ("…/v1"); null means the provider's own endpoint.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The model name; unless set, the provider's default (gpt-4o-mini, claude-3-5-haiku-latest, gemini-2.0-flash).</summary>
    public string Model
    {
        get => _model ?? Provider.DefaultModel();
        set => _model = value;
    }

    private string? _model;

    /// <summary>Where requests go: <see cref="BaseUrl"/>, else the provider's endpoint (null: the SDK's OpenAI default).</summary>
    public Uri? EffectiveBaseUrl => BaseUrl ?? Provider.DefaultBaseUrl();

    /// <summary>Sampling temperature used when a request carries none (0..2).</summary>
    public double Temperature { get; set; } = 0.2;

    /// <summary>How long one HTTP attempt may take; a hang past it is outcome "timeout".</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt on 429, 5xx, timeouts and network errors (0..5).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff step; later steps double it, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No single wait between attempts is longer than this, whatever Retry-After asks.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Budget of one call over all its attempts and waits: no retry starts after it is spent, and
    /// no wait goes beyond it, so a user's turn is never held hostage by a slow provider.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Share of failed attempts in the sampling window that opens the circuit (0..1].</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts the window must hold before the ratio counts (Polly requires at least 2).</summary>
    public int CircuitMinimumThroughput { get; set; } = 4;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit answers "circuit_open" at once before one probe is let through.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// USD prices per million tokens by model name (case-insensitive). Starts with OpenAI's list
    /// prices for the default models; configuration adds models or overrides these.
    /// </summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o-mini"] = new ModelPrice(0.15m, 0.60m),
        ["gpt-4o"] = new ModelPrice(2.50m, 10.00m),
        ["gpt-4.1-mini"] = new ModelPrice(0.40m, 1.60m),
        ["claude-3-5-haiku-latest"] = new ModelPrice(0.80m, 4.00m),
        ["claude-3-5-haiku-20241022"] = new ModelPrice(0.80m, 4.00m),
        ["claude-sonnet-4-5"] = new ModelPrice(3.00m, 15.00m),
        ["gemini-2.0-flash"] = new ModelPrice(0.10m, 0.40m),
        ["gemini-2.5-flash"] = new ModelPrice(0.30m, 2.50m),
    };

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>The cost of a call in USD, or null when the model has no price (unknown beats wrong).</summary>
    public decimal? CostOf(string model, int inputTokens, int outputTokens) =>
        Prices.TryGetValue(model, out var price) ? price.CostOf(inputTokens, outputTokens) : null;

    /// <summary>One message per bad setting, each naming the setting, so a bad start says exactly what to fix.</summary>
    public IEnumerable<string> Validate()
    {
        if (BaseUrl is not null && (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps)))
        {
            yield return $"{Provider.BaseUrlSetting()} must be an absolute http(s) URL, got '{BaseUrl}'";
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return $"{SettingNames.Model} must not be empty";
        }

        if (double.IsNaN(Temperature) || Temperature < 0 || Temperature > 2)
        {
            yield return $"{SettingNames.Temperature} must be between 0 and 2, got {Temperature.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            yield return $"{SettingNames.RequestTimeout} must be positive, got {RequestTimeout}";
        }

        if (MaxRetries is < 0 or > 5)
        {
            yield return $"{SettingNames.MaxRetries} must be between 0 and 5, got {MaxRetries}";
        }

        if (RetryBaseDelay < TimeSpan.Zero)
        {
            yield return $"{SettingNames.RetryBaseDelay} must not be negative, got {RetryBaseDelay}";
        }

        if (MaxRetryDelay < RetryBaseDelay)
        {
            yield return $"{SettingNames.MaxRetryDelay} must be at least {SettingNames.RetryBaseDelay} ({RetryBaseDelay}), got {MaxRetryDelay}";
        }

        if (TotalTimeout < RequestTimeout)
        {
            yield return $"{SettingNames.TotalTimeout} must be at least {SettingNames.RequestTimeout} ({RequestTimeout}), got {TotalTimeout}";
        }

        if (double.IsNaN(CircuitFailureRatio) || CircuitFailureRatio <= 0 || CircuitFailureRatio > 1)
        {
            yield return $"{SettingNames.CircuitFailureRatio} must be greater than 0 and at most 1, got {CircuitFailureRatio.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        if (CircuitMinimumThroughput < 2)
        {
            yield return $"{SettingNames.CircuitMinimumThroughput} must be at least 2, got {CircuitMinimumThroughput}";
        }

        // Polly's own bounds: the window at least half a second, the break at least half a second.
        if (CircuitSamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return $"{SettingNames.CircuitSamplingDuration} must be at least 500 ms, got {CircuitSamplingDuration}";
        }

        if (CircuitBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return $"{SettingNames.CircuitBreakDuration} must be at least 500 ms, got {CircuitBreakDuration}";
        }

        foreach (var (model, price) in Prices)
        {
            if (price.InputPerMillion < 0 || price.OutputPerMillion < 0)
            {
                yield return $"{SettingNames.Prices}:{model} must not be negative, got {price.InputPerMillion}/{price.OutputPerMillion}";
            }
        }
    }

    /// <summary>
    /// The names messages use: the seed systems' environment variables where they exist
    /// (SPEC section 8), otherwise the configuration key.
    /// </summary>
    public static class SettingNames
    {
        public const string ApiKey = "OPENAI_API_KEY";
        public const string AnthropicApiKey = "ANTHROPIC_API_KEY";
        public const string GeminiApiKey = "GEMINI_API_KEY";
        public const string Provider = "LLM_PROVIDER";
        public const string BaseUrl = "OPENAI_BASE_URL";
        public const string AnthropicBaseUrl = "ANTHROPIC_BASE_URL";
        public const string GeminiBaseUrl = "GEMINI_BASE_URL";
        public const string Model = "OPENAI_MODEL";
        public const string Temperature = "LLM_TEMPERATURE";
        public const string RequestTimeout = "REQUEST_TIMEOUT";
        public const string MaxRetries = "LLM_MAX_RETRIES";
        public const string RetryBaseDelay = "LLM_RETRY_BASE_DELAY";
        public const string MaxRetryDelay = "LLM_MAX_RETRY_DELAY";
        public const string TotalTimeout = "LLM_TOTAL_TIMEOUT";
        public const string CircuitFailureRatio = "LLM_CIRCUIT_FAILURE_RATIO";
        public const string CircuitMinimumThroughput = "LLM_CIRCUIT_MINIMUM_THROUGHPUT";
        public const string CircuitSamplingDuration = "LLM_CIRCUIT_SAMPLING_DURATION";
        public const string CircuitBreakDuration = "LLM_CIRCUIT_BREAK_DURATION";
        public const string Prices = "LLM_PRICES";
    }
}
