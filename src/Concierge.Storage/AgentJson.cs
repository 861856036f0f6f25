using System.Text.Json.Serialization;
using Concierge.Agents;

namespace Concierge.Storage;

/// <summary>How an agent's FAQ is kept in its JSON column: [{"question": "...", "answer": "..."}].</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<FaqEntry>))]
internal sealed partial class AgentJson : JsonSerializerContext;
