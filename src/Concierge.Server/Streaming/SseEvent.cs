namespace Concierge.Server.Streaming;

/// <summary>One server-sent event before it is written: an optional event name and its JSON data.</summary>
public sealed record SseEvent(string? Name, object Data);
