namespace Concierge.Models;

/// <summary>A tool call the model asked for, as it travels in the conversation.</summary>
/// <param name="Id">The provider's call id; the tool's result must quote it.</param>
/// <param name="ArgumentsJson">The arguments exactly as the model wrote them (not necessarily valid JSON).</param>
public sealed record ModelToolCall(string Id, string Name, string ArgumentsJson);
