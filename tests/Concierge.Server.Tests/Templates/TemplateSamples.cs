using System.Text.Json.Nodes;

namespace Concierge.Server.Tests.Templates;

/// <summary>Creation payloads as the template builder hands them over on FINAL.</summary>
public static class TemplateSamples
{
    public static JsonObject Payload(string name = "order_shipped", string language = "en_US", string category = "UTILITY") => new()
    {
        ["name"] = name,
        ["language"] = language,
        ["category"] = category,
        ["parameter_format"] = "POSITIONAL",
        ["components"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "BODY",
                ["text"] = "Hi {{1}}, your order {{2}} has shipped. Track it below.",
                ["example"] = new JsonObject { ["body_text"] = new JsonArray(new JsonArray("Ana", "A-1001")) },
            },
            new JsonObject
            {
                ["type"] = "BUTTONS",
                ["buttons"] = new JsonArray(new JsonObject { ["type"] = "URL", ["text"] = "Track order", ["url"] = "https://shop.example.com/track/{{1}}", ["example"] = new JsonArray("A-1001") }),
            }),
    };
}
