using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Concierge.Testing.FakeOpenAi;

/// <summary>The fake server's plain answers (errors, raw bodies) and its reading of requests.</summary>
internal static class FakeWire
{
    private static readonly JsonSerializerOptions WireJson = new() { WriteIndented = false };

    internal static async Task WriteErrorAsync(HttpContext http, int status, string message, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        var error = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = message,
                ["type"] = status == StatusCodes.Status429TooManyRequests ? "rate_limit_exceeded" : "server_error",
                ["param"] = null,
                ["code"] = null,
            },
        };
        await http.Response.WriteAsync(error.ToJsonString(WireJson), cancellationToken).ConfigureAwait(false);
    }

    internal static async Task WriteRawAsync(HttpContext http, string body, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    internal static JsonNode? TryParse(string rawBody)
    {
        if (string.IsNullOrWhiteSpace(rawBody))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(rawBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string LastUserMessage(JsonNode? body) =>
        (body?["messages"] as JsonArray)?
            .LastOrDefault(message => message?["role"]?.GetValue<string>() == "user")?["content"] switch
        {
            JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>(),

            // Content given as parts: [{"type":"text","text":"..."}].
            JsonArray parts => string.Concat(parts.Select(part => part?["text"]?.GetValue<string>())),
            _ => string.Empty,
        };

    /// <summary>A rough token count (words) so that usage is plausible without a tokenizer.</summary>
    internal static int CountPromptTokens(JsonNode? body) =>
        Math.Max(1, (body?["messages"] as JsonArray)?.Sum(message => message?["content"] is JsonValue text && text.GetValueKind() == JsonValueKind.String
            ? CountWords(text.GetValue<string>()) + 4
            : 4) ?? 1);

    internal static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>A chat completion whose message asks for tool calls, as OpenAI sends it.</summary>
    internal static async Task WriteToolCallsAsync(HttpContext http, JsonNode? body, FakeStep.ToolCalls step, long number, CancellationToken cancellationToken)
    {
        var promptTokens = step.PromptTokens ?? CountPromptTokens(body);
        var completionTokens = step.CompletionTokens ?? 10 * step.Calls.Count;
        var calls = step.Calls.Select((call, i) => (JsonNode)new JsonObject
        {
            ["id"] = call.Id ?? $"call_fake{number}_{i}",
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson },
        });
        var completion = new JsonObject
        {
            ["id"] = $"chatcmpl-fake{number}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = body?["model"]?.GetValue<string>() ?? "fake-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new JsonArray(calls.ToArray()) },
                ["logprobs"] = null,
                ["finish_reason"] = "tool_calls",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens },
        };
        await WriteRawAsync(http, completion.ToJsonString(WireJson), cancellationToken).ConfigureAwait(false);
    }
}
