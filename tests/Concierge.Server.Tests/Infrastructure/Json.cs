using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Concierge.Server.Tests.Infrastructure;

/// <summary>Small helpers so tests read as the requests a client sends.</summary>
public static class Json
{
    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static ByteArrayContent Raw(byte[] bytes, string contentType = "application/json")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?.AsObject()
            ?? throw new InvalidOperationException("The response body was JSON null.");

    public static async Task<JsonObject> PostJsonAsync(this HttpClient client, string path, object body)
    {
        using var response = await client.PostAsync(path, Body(System.Text.Json.JsonSerializer.Serialize(body)));
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadObjectAsync();
    }

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadObjectAsync();
    }

    /// <summary>A session with the default demo agent, as the seed-000 client opens one.</summary>
    public static async Task<string> NewSessionAsync(this HttpClient client) =>
        (string)(await client.GetJsonAsync("/session/new"))["session_id"]!;

    /// <summary>A session with the demo tenant's general chat agent ("assistant").</summary>
    public static async Task<string> NewChatSessionAsync(this HttpClient client) =>
        (string)(await client.PostJsonAsync("/api/v1/sessions", new { agent = "assistant" }))["id"]!;
}
