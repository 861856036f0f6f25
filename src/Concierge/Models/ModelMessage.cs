using Concierge.Conversations;

namespace Concierge.Models;

/// <summary>One message of the prompt.</summary>
/// <param name="ToolCalls">On an assistant message: the tool calls the model asked for (its content may then be empty).</param>
/// <param name="ToolCallId">On a tool message: the id of the call it answers, which the wire format requires.</param>
public sealed record ModelMessage(MessageRole Role, string Content, IReadOnlyList<ModelToolCall>? ToolCalls = null, string? ToolCallId = null);
