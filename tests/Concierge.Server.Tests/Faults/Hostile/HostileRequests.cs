using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Concierge.Server.Tests.Faults.Hostile;

/// <summary>One hostile request: what it attacks (for the report), and how to make it afresh (a request is sent once).</summary>
internal sealed record HostileRequest(string Target, string Kind, HttpMethod Method, string Url, Func<HttpContent?> Content)
{
    /// <summary>Set when the path holds another tenant's real id: the answer must be 404 (or 403) and show none of its data.</summary>
    public bool OtherTenantsId { get; init; }

    public string Name => $"{Target}={Kind}";
}

/// <summary>
/// The hostile requests for one operation, from its OpenAPI entry: each body field and each query
/// parameter with every <see cref="HostileValues"/> kind in turn (the rest of the request valid, on
/// this tenant's own ids), the body attacks (invalid UTF-8, a key sent twice, a wrong media type,
/// an unknown charset, a truncated body, none at all), then each path id as garbage, huge, an
/// injection, and another tenant's real id.
/// </summary>
internal static class HostileRequests
{
    // Bytes no UTF-8 decoder accepts: a lead byte with a bad continuation, then a byte UTF-8 never uses.
    private static readonly byte[] InvalidUtf8 = [0xC3, 0x28, 0xFF, 0xFE];

    public static IEnumerable<HostileRequest> For(ApiOperation operation, TenantData own, TenantData other, Func<HostileValue, bool> sample)
    {
        var method = new HttpMethod(operation.Method);
        var ownPath = Fill(operation, own);
        var body = operation.Body;
        Func<HttpContent?> validBody = body is null ? () => operation.TakesBody ? Json("{}") : null : () => Content(body, null, null);

        if (body is not null)
        {
            foreach (var field in body.Fields)
            {
                foreach (var value in HostileValues.All.Where(sample))
                {
                    yield return new($"body.{field.Name}", value.Kind, method, ownPath, () => Content(body, field.Name, value));
                }
            }
        }

        if (operation.TakesBody)
        {
            var fields = body?.Fields ?? [];
            var first = fields.FirstOrDefault()?.Name ?? "x";
            var firstValid = fields.FirstOrDefault()?.Valid?.ToJsonString() ?? "null";
            var rest = Members(fields.Skip(1).Select(f => (f.Name, f.Valid?.ToJsonString() ?? "null")));
            var tail = rest.Length > 0 ? "," + rest + "}" : "}";
            var valid = body is { IsJson: false } ? null : "{" + Members(fields.Select(f => (f.Name, f.Valid?.ToJsonString() ?? "null"))) + "}";

            yield return new("body", "invalid-utf8", method, ownPath, () => Bytes([.. Encoding.UTF8.GetBytes($"{{\"{first}\":\"caf"), .. InvalidUtf8, .. Encoding.UTF8.GetBytes("\"" + tail)], "application/json"));
            yield return new("body", "duplicate-key", method, ownPath, () => Json($"{{\"{first}\":{firstValid},\"{first}\":\"sent twice\"{tail}"));
            yield return new("body", "wrong-content-type", method, ownPath, () => Bytes(Encoding.UTF8.GetBytes(valid ?? "{}"), "text/plain"));
            yield return new("body", "unknown-charset", method, ownPath, () => Bytes(Encoding.UTF8.GetBytes(valid ?? "{}"), "application/json; charset=klingon"));
            yield return new("body", "truncated", method, ownPath, () => Truncated(body, valid));
            yield return new("body", "none", method, ownPath, () => null);
            yield return new("body", "root-array", method, ownPath, () => Json("[1,2,3]"));
            yield return new("body", "root-null", method, ownPath, () => Json("null"));
            yield return new("body", "nested", method, ownPath, () => Json(new string('[', HostileValues.NestingLevels) + new string(']', HostileValues.NestingLevels)));
        }

        foreach (var parameter in operation.QueryParameters)
        {
            foreach (var value in HostileValues.All.Where(sample))
            {
                yield return new($"query.{parameter}", value.Kind, method, $"{ownPath}?{Query(parameter, value)}", validBody);
            }

            yield return new($"query.{parameter}", "invalid-utf8", method, $"{ownPath}?{parameter}=%FF%FE%C3%28", validBody);
        }

        // A parameter the document does not declare must be ignored or refused, never a 500: every operation gets one.
        foreach (var value in HostileValues.Injections.Where(sample))
        {
            yield return new("query.undeclared", value.Kind, method, $"{ownPath}?{Query("hostile_extra", value)}", validBody);
        }

        foreach (var parameter in operation.PathParameters)
        {
            foreach (var (kind, id) in GarbageIds)
            {
                yield return new($"path.{parameter}", kind, method, Fill(operation, own, parameter, id), validBody);
            }

            var theirs = other.IdFor(operation.Path, parameter)!;
            yield return new($"path.{parameter}", "other-tenant", method, Fill(operation, own, parameter, Uri.EscapeDataString(theirs)), validBody) { OtherTenantsId = true };
        }
    }

    /// <summary>Path ids that are not ids, already escaped for a path segment.</summary>
    private static readonly (string Kind, string Id)[] GarbageIds =
    [
        ("garbage", "not-an-id"),
        ("huge", new string('9', 2000)),
        ("sql", Uri.EscapeDataString("1' OR '1'='1")),
        ("path", Uri.EscapeDataString("../../etc/passwd")),
        ("nul", "a%00b"),
        ("invalid-utf8", "%FF%FE"),
        ("lone-surrogate", "%ED%A0%80"),
        ("emoji", Uri.EscapeDataString("👩🏽‍🚀")),
    ];

    private static string Fill(ApiOperation operation, TenantData own, string? replaced = null, string? with = null)
    {
        var path = operation.Path;
        foreach (var parameter in operation.PathParameters)
        {
            var id = parameter == replaced ? with! : Uri.EscapeDataString(own.IdFor(operation.Path, parameter)
                ?? throw new InvalidOperationException($"No id for {{{parameter}}} in {operation.Name}: give HostileTenants data for it."));
            path = path.Replace($"{{{parameter}}}", id, StringComparison.Ordinal);
        }

        return path;
    }

    private static string Query(string parameter, HostileValue value) => value.Kind switch
    {
        "array" => $"{parameter}=1&{parameter}=two",
        "object" => $"{parameter}[a]=1",
        "lone-surrogate" => $"{parameter}=a%ED%A0%80b",
        _ => $"{parameter}={Uri.EscapeDataString(value.Query)}",
    };

    /// <summary>The operation's body with <paramref name="field"/> set to <paramref name="value"/> (the rest valid).</summary>
    private static HttpContent Content(BodyShape body, string? field, HostileValue? value)
    {
        if (body.IsJson)
        {
            return Json(JsonText(body.Fields.Select(f => (f.Name, f.Name == field ? value!.Json : f.Valid?.ToJsonString() ?? "null"))));
        }

        var values = body.Fields.Select(f => (f.Name, Text: f.Name == field ? value!.Query : Plain(f.Valid))).ToList();
        if (body.MediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            var text = field is null ? values[0].Text : $"{ApiOperation.CsvHeader}{value!.Query},Hostile,salon";
            return Bytes(Encoding.UTF8.GetBytes(text), body.MediaType);
        }

        if (!body.IsMultipart)
        {
            var text = string.Join('&', values.Select(v => $"{Uri.EscapeDataString(v.Name)}={Escape(v.Text)}"));
            return Bytes(Encoding.UTF8.GetBytes(text), body.MediaType);
        }

        var form = new MultipartFormDataContent($"hostile-{Guid.NewGuid():N}");
        foreach (var (name, text) in values)
        {
            if (name == "file")
            {
                var file = new ByteArrayContent(Encoding.UTF8.GetBytes(field == "file" ? text : "# Hostile\n\nA short document."));
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(file, name, field == "file" ? $"{value!.Kind}.md" : $"hostile-{Guid.NewGuid():N}.md");
            }
            else
            {
                form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), name);
            }
        }

        return form;
    }

    // A lone surrogate has no UTF-8 form, so Uri.EscapeDataString refuses it: it is sent as the bytes a careless encoder writes.
    private static string Escape(string text) => string.Join("%ED%A0%80", text.Split('\ud800').Select(Uri.EscapeDataString));

    private static string Plain(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? string.Empty;

    /// <summary>The valid body cut in half: a client that died mid-send, with a Content-Length that matches what arrived.</summary>
    private static HttpContent Truncated(BodyShape? body, string? valid)
    {
        if (body is { IsJson: false })
        {
            var whole = Content(body, null, null).ReadAsByteArrayAsync().GetAwaiter().GetResult();
            var type = body.IsMultipart ? $"multipart/form-data; boundary=\"{Boundary(whole)}\"" : body.MediaType;
            return Bytes(whole[..(whole.Length / 2)], type);
        }

        var text = Encoding.UTF8.GetBytes(valid ?? "{\"x\":\"a value\"}");
        return Bytes(text[..Math.Max(1, text.Length / 2)], "application/json");
    }

    // The boundary is the multipart body's first line, after its leading "--".
    private static string Boundary(byte[] multipart) => Encoding.ASCII.GetString(multipart).Split("\r\n")[0][2..];

    private static string JsonText(IEnumerable<(string Name, string Json)> members) => "{" + Members(members) + "}";

    // "name":value pairs without the braces, so a body can be written around a hostile part.
    private static string Members(IEnumerable<(string Name, string Json)> members) =>
        string.Join(',', members.Select(m => $"{System.Text.Json.JsonSerializer.Serialize(m.Name)}:{m.Json}"));

    private static ByteArrayContent Json(string json) => Bytes(Encoding.UTF8.GetBytes(json), "application/json");

    private static ByteArrayContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
