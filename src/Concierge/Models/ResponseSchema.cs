using System.Text.Json.Nodes;

namespace Concierge.Models;

/// <summary>A named JSON schema for structured output (OpenAI's <c>json_schema</c> response format).</summary>
public sealed record ResponseSchema(string Name, JsonObject Schema, bool Strict = true);
