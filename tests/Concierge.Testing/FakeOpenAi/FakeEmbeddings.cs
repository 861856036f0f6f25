using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Concierge.Testing.FakeOpenAi;

/// <summary>
/// The fake's <c>/v1/embeddings</c>: deterministic bag-of-words vectors (each lower-cased word
/// hashed to one of 64 dimensions), so texts sharing words are close. Answers in the encoding the
/// client asks for (the OpenAI SDK asks for base64).
/// </summary>
public static class FakeEmbeddings
{
    public const int Dimensions = 64;

    public static float[] Vector(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in (text ?? string.Empty).ToLowerInvariant().Split(c => !char.IsLetterOrDigit(c)))
        {
            var hash = 2166136261u;
            foreach (var c in word)
            {
                hash = (hash ^ c) * 16777619u;
            }

            vector[hash % Dimensions] += 1;
        }

        return vector;
    }

    internal static async Task WriteAsync(HttpContext http, JsonNode? body, CancellationToken cancellationToken)
    {
        var inputs = body?["input"] switch
        {
            JsonArray array => array.Select(n => (string?)n ?? string.Empty).ToList(),
            JsonValue value => [(string?)value ?? string.Empty],
            _ => [],
        };
        var base64 = (string?)body?["encoding_format"] == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Vector(inputs[i]);
            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())))!
                : new JsonArray([.. vector.Select(v => (JsonNode)JsonValue.Create(v))]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var response = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = (string?)body?["model"] ?? "fake-embeddings",
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Count, ["total_tokens"] = inputs.Count },
        };
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(response.ToJsonString(), cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<string> Split(this string text, Func<char, bool> isSeparator)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || isSeparator(text[i]))
            {
                if (i > start)
                {
                    yield return text[start..i];
                }

                start = i + 1;
            }
        }
    }
}
