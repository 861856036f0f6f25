using System.Text.Json.Serialization;

namespace Concierge.Server.OpenAiCompatible;

/// <summary>The part of OpenAI's chat completion request an agent understands; other fields are accepted and ignored.</summary>
public sealed record ChatCompletionRequest(
    string? Model,
    IReadOnlyList<ChatCompletionMessage>? Messages,
    bool? Stream,
    [property: JsonPropertyName("stream_options")] StreamOptions? StreamOptions,
    string? User);

public sealed record ChatCompletionMessage(string? Role, string? Content);

public sealed record StreamOptions([property: JsonPropertyName("include_usage")] bool? IncludeUsage);
