using System.Text.Json;
using System.Text.Json.Serialization;

namespace Concierge.Tests.Safety;

/// <summary>One labelled message of the golden set (Safety/crisis-golden.json) or the held-out set.</summary>
public sealed record GoldenCase(
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("previous")] IReadOnlyList<string> Previous,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("crisis")] bool Crisis)
{
    public static IReadOnlyList<GoldenCase> Load(string file = "crisis-golden.json")
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Safety", file);
        return JsonSerializer.Deserialize<List<GoldenCase>>(File.ReadAllText(path)) ?? [];
    }
}
