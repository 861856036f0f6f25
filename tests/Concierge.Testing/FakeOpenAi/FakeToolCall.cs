namespace Concierge.Testing.FakeOpenAi;

/// <summary>A tool call the fake model asks for: the function name and its arguments as JSON text.</summary>
public sealed record FakeToolCall(string Name, string ArgumentsJson, string? Id = null);
