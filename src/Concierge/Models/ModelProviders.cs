namespace Concierge.Models;

/// <summary>Per-provider defaults and names, in one place so that settings, logs and docs agree.</summary>
public static class ModelProviders
{
    /// <summary>The provider as settings spell it: "openai", "anthropic", "gemini".</summary>
    public static string ToSetting(this ModelProvider provider) => provider switch
    {
        ModelProvider.Anthropic => "anthropic",
        ModelProvider.Gemini => "gemini",
        _ => "openai",
    };

    public static bool TryParse(string? text, out ModelProvider provider)
    {
        provider = text?.Trim().ToLowerInvariant() switch
        {
            "openai" or "openai-compatible" => ModelProvider.OpenAi,
            "anthropic" or "claude" => ModelProvider.Anthropic,
            "gemini" or "google" => ModelProvider.Gemini,
            _ => (ModelProvider)(-1),
        };
        return Enum.IsDefined(provider);
    }

    /// <summary>
    /// The name in call logs, metrics and health. OpenAI keeps "openai-compatible": stored rows and
    /// dashboards already use it, and the same provider also serves Ollama, vLLM and the rest.
    /// </summary>
    public static string LogName(this ModelProvider provider) => provider switch
    {
        ModelProvider.Anthropic => "anthropic",
        ModelProvider.Gemini => "gemini",
        _ => OpenAiCompatibleModel.ProviderName,
    };

    public static string DefaultModel(this ModelProvider provider) => provider switch
    {
        ModelProvider.Anthropic => "claude-3-5-haiku-latest",
        ModelProvider.Gemini => "gemini-2.0-flash",
        _ => "gpt-4o-mini",
    };

    /// <summary>The provider's OpenAI-compatible endpoint; null for OpenAI (the SDK's own default).</summary>
    public static Uri? DefaultBaseUrl(this ModelProvider provider) => provider switch
    {
        ModelProvider.Anthropic => new Uri("https://api.anthropic.com/v1/"),
        ModelProvider.Gemini => new Uri("https://generativelanguage.googleapis.com/v1beta/openai/"),
        _ => null,
    };

    /// <summary>The environment alias of the provider's key, for messages that name the setting.</summary>
    public static string ApiKeySetting(this ModelProvider provider) => provider switch
    {
        ModelProvider.Anthropic => LanguageModelOptions.SettingNames.AnthropicApiKey,
        ModelProvider.Gemini => LanguageModelOptions.SettingNames.GeminiApiKey,
        _ => LanguageModelOptions.SettingNames.ApiKey,
    };

    public static string BaseUrlSetting(this ModelProvider provider) => provider switch
    {
        ModelProvider.Anthropic => LanguageModelOptions.SettingNames.AnthropicBaseUrl,
        ModelProvider.Gemini => LanguageModelOptions.SettingNames.GeminiBaseUrl,
        _ => LanguageModelOptions.SettingNames.BaseUrl,
    };
}
