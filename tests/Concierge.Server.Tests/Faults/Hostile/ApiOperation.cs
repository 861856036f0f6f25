using System.Text.Json.Nodes;

namespace Concierge.Server.Tests.Faults.Hostile;

/// <summary>A field of a request body as the OpenAPI document declares it, with the value a valid body gives it.</summary>
internal sealed record BodyField(string Name, JsonNode? Valid);

/// <summary>A declared request body: its media type, its fields, and a body the operation would accept.</summary>
internal sealed record BodyShape(string MediaType, IReadOnlyList<BodyField> Fields)
{
    public bool IsJson => MediaType.Contains("json", StringComparison.OrdinalIgnoreCase);

    public bool IsMultipart => MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One operation (path × method) of the server's own OpenAPI document.</summary>
internal sealed record ApiOperation(string Method, string Path, IReadOnlyList<string> PathParameters, IReadOnlyList<string> QueryParameters, BodyShape? Body)
{
    public string Name => $"{Method} {Path}";

    /// <summary>POST, PUT and PATCH take a body whether or not the document declares one: they all get the body attacks.</summary>
    public bool TakesBody => Method is "POST" or "PUT" or "PATCH";

    /// <summary>The one "field" of a text body (the CSV import): the whole text, whose row a hostile value replaces.</summary>
    public const string TextBody = "(text)";

    public const string CsvHeader = "slug,name,category\n";

    public static IReadOnlyList<ApiOperation> AllOf(JsonObject document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = new List<ApiOperation>();
        foreach (var (path, methods) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in methods!.AsObject())
            {
                var operation = node!.AsObject();
                var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
                operations.Add(new ApiOperation(
                    method.ToUpperInvariant(),
                    path,
                    [.. parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!)],
                    [.. parameters.Where(p => (string?)p["in"] == "query").Select(p => (string)p["name"]!)],
                    BodyOf(operation, schemas)));
            }
        }

        return operations;
    }

    private static BodyShape? BodyOf(JsonObject operation, JsonObject schemas)
    {
        if (operation["requestBody"]?["content"]?.AsObject() is not { Count: > 0 } content)
        {
            return null;
        }

        var (mediaType, media) = content.First();
        var schema = Resolve(media?["schema"], schemas);
        var example = schema?["examples"]?.AsArray().FirstOrDefault() as JsonObject;
        var properties = schema?["properties"]?.AsObject() ?? [];
        List<BodyField> fields = mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            ? [new BodyField(TextBody, JsonValue.Create(CsvHeader + "hostile-csv,Hostile CSV,salon"))]
            : [.. properties.Select(p => new BodyField(p.Key, example?[p.Key]?.DeepClone() ?? Placeholder(Resolve(p.Value, schemas))))];
        return new BodyShape(mediaType, fields);
    }

    // A schema by its $ref, looking through the nullable wrapper (oneOf: [null, $ref]) the generator writes.
    private static JsonObject? Resolve(JsonNode? schema, JsonObject schemas)
    {
        if (schema?["oneOf"]?.AsArray() is { } choices)
        {
            schema = choices.FirstOrDefault(c => c?["$ref"] is not null) ?? choices.FirstOrDefault();
        }

        return schema?["$ref"] is { } reference
            ? schemas[((string)reference!).Split('/')[^1]]?.AsObject()
            : schema as JsonObject;
    }

    // A plain value of the declared type, for a field the document gives no example of.
    private static JsonNode? Placeholder(JsonObject? schema)
    {
        var types = schema?["type"] switch
        {
            JsonArray array => array.Select(t => (string?)t).ToList(),
            JsonValue value => [(string?)value],
            _ => [],
        };
        return types.Contains("integer") || types.Contains("number") ? JsonValue.Create(1)
            : types.Contains("boolean") ? JsonValue.Create(false)
            : types.Contains("array") ? new JsonArray()
            : types.Contains("object") || schema?["properties"] is not null ? new JsonObject()
            : JsonValue.Create("hostile-base");
    }
}
