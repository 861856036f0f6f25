namespace Concierge.Server.Tests.Infrastructure;

public sealed class OpenApiTests
{
    [Fact]
    public async Task The_openapi_document_covers_every_route_with_examples()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));

        var document = await app.Client().GetJsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject();

        foreach (var path in new[]
        {
            "/session/new", "/chat", "/session/{id}", "/session/{id}/debug", "/health", "/health/live", "/health/ready",
            "/api/v1/sessions", "/api/v1/sessions/{id}", "/api/v1/sessions/{id}/messages", "/api/v1/sessions/{id}/debug",
        })
        {
            Assert.True(paths.ContainsKey(path), $"the OpenAPI document lacks {path}");
        }

        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.NotNull(schemas["ChatRequest"]?["examples"]);
        Assert.NotNull(schemas["SendMessageRequest"]?["examples"]);
    }
}
