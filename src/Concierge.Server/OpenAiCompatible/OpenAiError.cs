using System.Text.Json.Serialization;

namespace Concierge.Server.OpenAiCompatible;

/// <summary>OpenAI's error body, which OpenAI clients read: <c>{"error":{"message","type","code","param"}}</c>.</summary>
public sealed record OpenAiError([property: JsonPropertyName("error")] OpenAiErrorBody Error)
{
    public static IResult Result(int status, string type, string code, string message, string? param = null) =>
        TypedResults.Json(new OpenAiError(new OpenAiErrorBody(message, type, code, param)), statusCode: status);
}

public sealed record OpenAiErrorBody(string Message, string Type, string Code, string? Param);
