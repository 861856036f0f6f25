using System.Text.Json.Nodes;
using Concierge.Conversations;

namespace Concierge.Models;

/// <summary>One chat completion request, provider-neutral.</summary>
/// <param name="Messages">The prompt: system instructions first, then the conversation.</param>
/// <param name="Temperature">Overrides the configured temperature when set (agents carry their own).</param>
/// <param name="ResponseSchema">When set, the model must answer JSON matching this schema (structured output).</param>
/// <param name="MaxOutputTokens">Upper bound on the answer's length.</param>
public sealed record ModelRequest(
    IReadOnlyList<ModelMessage> Messages,
    double? Temperature = null,
    ResponseSchema? ResponseSchema = null,
    int? MaxOutputTokens = null);

public sealed record ModelMessage(MessageRole Role, string Content);

/// <summary>A named JSON schema for structured output (OpenAI's <c>json_schema</c> response format).</summary>
public sealed record ResponseSchema(string Name, JsonObject Schema, bool Strict = true);
