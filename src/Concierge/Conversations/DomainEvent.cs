using System.Text.Json.Nodes;

namespace Concierge.Conversations;

/// <summary>An analytics fact ("session_started", "turn_completed", "model_fallback"...).</summary>
public sealed record DomainEvent(string Name, JsonObject Data);
