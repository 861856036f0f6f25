using System.Text.Json.Serialization;
using Concierge.Agents;

namespace Concierge.Storage;

/// <summary>How an agent's FAQ ([{"question": "...", "answer": "..."}]) and settings are kept in their JSON columns.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<FaqEntry>))]
[JsonSerializable(typeof(AgentSettings))]
internal sealed partial class AgentJson : JsonSerializerContext;
