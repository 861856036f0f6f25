using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concierge.Conversations;
using OpenAI.Chat;

namespace Concierge.Models;

/// <summary>Translation between the provider-neutral request and the OpenAI chat completions wire format.</summary>
internal static class OpenAiWire
{
    /// <summary>Non-JSON bodies are stored as a string of at most this many characters.</summary>
    private const int MaxRawBodyChars = 4096;

    public static List<ChatMessage> ToChatMessages(ModelRequest request) => request.Messages.Select(ToChatMessage).ToList();

    private static ChatMessage ToChatMessage(ModelMessage message)
    {
        switch (message.Role)
        {
            case MessageRole.System:
                return new SystemChatMessage(message.Content);
            case MessageRole.Assistant when message.ToolCalls is { Count: > 0 } toolCalls:
                var assistant = new AssistantChatMessage(toolCalls.Select(call =>
                    ChatToolCall.CreateFunctionToolCall(call.Id, call.Name, BinaryData.FromString(call.ArgumentsJson))));
                if (!string.IsNullOrEmpty(message.Content))
                {
                    assistant.Content.Add(ChatMessageContentPart.CreateTextPart(message.Content));
                }

                return assistant;
            case MessageRole.Assistant:
                return new AssistantChatMessage(message.Content);
            case MessageRole.Tool when message.ToolCallId is { Length: > 0 } id:
                return new ToolChatMessage(id, message.Content);
            case MessageRole.Tool:
                // A tool result without a call id (stored history) cannot use the "tool" role,
                // which the wire format ties to a call; as user text the model still sees it.
                return new UserChatMessage("Tool result: " + message.Content);
            default:
                return new UserChatMessage(message.Content);
        }
    }

    public static ChatCompletionOptions ToChatOptions(ModelRequest request, LanguageModelOptions options, bool toolsDisabled)
    {
        var chatOptions = new ChatCompletionOptions
        {
            Temperature = (float)(request.Temperature ?? options.Temperature),
            MaxOutputTokenCount = request.MaxOutputTokens,
        };
        if (request.ResponseSchema is { } schema)
        {
            chatOptions.ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                schema.Name,
                BinaryData.FromString(schema.Schema.ToJsonString()),
                jsonSchemaIsStrict: schema.Strict);
        }

        foreach (var tool in request.Tools ?? [])
        {
            chatOptions.Tools.Add(ChatTool.CreateFunctionTool(tool.Name, tool.Description, BinaryData.FromString(tool.ParametersSchema.ToJsonString())));
        }

        // The tools stay declared (the history refers to them) but the model may not call them.
        if (toolsDisabled && chatOptions.Tools.Count > 0)
        {
            chatOptions.ToolChoice = ChatToolChoice.CreateNoneChoice();
        }

        return chatOptions;
    }

    /// <summary>
    /// The body that would have been sent, in the wire format, for rows without a captured body
    /// (an open circuit sends nothing, yet the debug document should show what was asked).
    /// </summary>
    public static JsonObject IntendedPayload(ModelRequest request, LanguageModelOptions options, bool stream = false)
    {
        var payload = new JsonObject
        {
            ["model"] = options.Model,
            ["messages"] = new JsonArray(request.Messages.Select(IntendedMessage).ToArray()),
            ["temperature"] = request.Temperature ?? options.Temperature,
        };
        if (request.MaxOutputTokens is { } maxTokens)
        {
            payload["max_completion_tokens"] = maxTokens;
        }

        if (request.ResponseSchema is { } schema)
        {
            payload["response_format"] = new JsonObject
            {
                ["type"] = "json_schema",
                ["json_schema"] = new JsonObject { ["name"] = schema.Name, ["schema"] = schema.Schema.DeepClone(), ["strict"] = schema.Strict },
            };
        }

        if (request.HasTools)
        {
            payload["tools"] = new JsonArray(request.Tools!.Select(tool => (JsonNode)new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = tool.Name, ["description"] = tool.Description, ["parameters"] = tool.ParametersSchema.DeepClone() },
            }).ToArray());
        }

        if (stream)
        {
            payload["stream"] = true;
        }

        return payload;
    }

    private static JsonNode IntendedMessage(ModelMessage message)
    {
        var legacyTool = message.Role == MessageRole.Tool && string.IsNullOrEmpty(message.ToolCallId);
        var node = new JsonObject
        {
            ["role"] = legacyTool ? "user" : message.Role.ToWire(),
            ["content"] = legacyTool ? "Tool result: " + message.Content : message.Content,
        };
        if (!legacyTool && message.ToolCallId is { Length: > 0 } id)
        {
            node["tool_call_id"] = id;
        }

        if (message.ToolCalls is { Count: > 0 } calls)
        {
            node["tool_calls"] = new JsonArray(calls.Select(call => (JsonNode)new JsonObject
            {
                ["id"] = call.Id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson },
            }).ToArray());
        }

        return node;
    }

    /// <summary>The response as JSON; a body that is not JSON (an HTML error page) as a truncated string.</summary>
    public static JsonNode? ResponseNode(byte[]? body)
    {
        if (body is null || body.Length == 0)
        {
            return null;
        }

        if (TryParseJson(body) is { } json)
        {
            return json;
        }

        var text = Encoding.UTF8.GetString(body);
        return JsonValue.Create(text.Length > MaxRawBodyChars ? text[..MaxRawBodyChars] + "…" : text);
    }

    public static JsonNode? TryParseJson(byte[]? body)
    {
        if (body is null || body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// OpenAI's error.message (or the start of a non-JSON body): the SDK's exception text repeats
    /// the whole body and the response headers, which is too much for a log row.
    /// </summary>
    public static string? ProviderErrorMessage(byte[]? body)
    {
        if (TryParseJson(body) is JsonObject json
            && json["error"] is JsonNode error
            && (error is JsonValue ? error : error["message"]) is JsonValue message
            && message.GetValueKind() == JsonValueKind.String)
        {
            return message.GetValue<string>();
        }

        if (body is null || body.Length == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    public static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end].TrimEnd();
    }

    public static int? ReadInt(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) ? number : null;

    public static string? ReadString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static string FinishReasonToWire(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
