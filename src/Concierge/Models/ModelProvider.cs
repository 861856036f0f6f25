namespace Concierge.Models;

/// <summary>
/// The providers Concierge knows by name. All of them are reached through the OpenAI chat
/// completions wire format (see docs/models.md for why Anthropic is not native yet).
/// </summary>
public enum ModelProvider
{
    /// <summary>OpenAI or any OpenAI-compatible server (Azure OpenAI v1, Ollama, vLLM, Groq, OpenRouter...).</summary>
    OpenAi,

    /// <summary>Anthropic's OpenAI-compatible endpoint (https://api.anthropic.com/v1/).</summary>
    Anthropic,

    /// <summary>Google Gemini's OpenAI-compatible endpoint (https://generativelanguage.googleapis.com/v1beta/openai/).</summary>
    Gemini,
}
