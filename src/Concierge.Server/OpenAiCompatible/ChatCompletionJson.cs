using System.Text.Encodings.Web;
using System.Text.Json;

namespace Concierge.Server.OpenAiCompatible;

/// <summary>OpenAI's JSON: snake_case, nulls left out.</summary>
internal static class ChatCompletionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
