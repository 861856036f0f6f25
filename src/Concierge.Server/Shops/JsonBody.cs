using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Concierge.Shops;

namespace Concierge.Server.Shops;

/// <summary>
/// Reads a JSON object body by hand, so that every wrong type is a 422 naming its field (a string
/// for a number, NaN or Infinity, a number too large to be one, a null for a required field) instead
/// of the binder's generic 400.
/// </summary>
public static partial class JsonBody
{
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("Expected a JSON body.", StatusCodes.Status415UnsupportedMediaType);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        try
        {
            using (var document = JsonDocument.Parse(bytes, Options))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new ShopInputException("body", "The body must be a JSON object.");
                }

                CheckFields(document.RootElement);
            }

            return JsonNode.Parse(bytes, documentOptions: Options)!.AsObject();
        }
        catch (JsonException e)
        {
            // NaN and Infinity are not JSON, but a client that sent them meant a number: name the field.
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            if (NonFinite().Match(text) is { Success: true } match)
            {
                throw new ShopInputException(match.Groups["field"].Value, $"'{match.Groups["field"].Value}' must be a finite number, not {match.Groups["value"].Value}.");
            }

            throw new BadHttpRequestException("The body is not valid JSON.", StatusCodes.Status400BadRequest, e);
        }
    }

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    // Before the body becomes a JsonObject, which would throw a bare ArgumentException on a field sent
    // twice and an InvalidOperationException on text that is not UTF-8 only when the field is read:
    // both are the sender's mistake, named by the top-level field they are in.
    private static void CheckFields(JsonElement body)
    {
        if (Defect(body) is { } defect)
        {
            throw new ShopInputException(defect.Field, $"'{defect.Field}' {defect.Problem}.");
        }
    }

    private static (string Field, string Problem)? Defect(JsonElement body)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in body.EnumerateObject())
        {
            if (!seen.Add(field.Name))
            {
                return (field.Name, "appears more than once");
            }

            if (Problem(field.Value) is { } problem)
            {
                return (field.Name, problem);
            }
        }

        return null;
    }

    private static string? Problem(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    return Concierge.Conversations.UnicodeText.HasLoneSurrogate(value.GetString()!) ? "holds a lone surrogate, which is not text" : null;
                }
                catch (InvalidOperationException)
                {
                    return "is not valid UTF-8 text";
                }

            case JsonValueKind.Array:
                return value.EnumerateArray().Select(Problem).FirstOrDefault(p => p is not null);
            case JsonValueKind.Object:
                return Defect(value) is { } inner ? $"has '{inner.Field}' that {inner.Problem}" : null;
            default:
                return null;
        }
    }

    /// <summary>The string member, or null when absent or null; any other type is refused.</summary>
    public static string? String(JsonObject body, string field)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body[field] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => throw new ShopInputException(field, $"'{field}' must be a string."),
        };
    }

    /// <summary>The number member, or null when absent or null; strings, NaN, infinities and numbers beyond a double are refused.</summary>
    public static double? Number(JsonObject body, string field)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body[field] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && double.IsFinite(d) => d,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => throw new ShopInputException(field, $"'{field}' is too large a number."),
            _ => throw new ShopInputException(field, $"'{field}' must be a number."),
        };
    }

    /// <summary>A whole number member, or null when absent or null.</summary>
    public static int? Integer(JsonObject body, string field, int min, int max)
    {
        if (Number(body, field) is not { } d)
        {
            return null;
        }

        return d == Math.Floor(d) && d >= min && d <= max
            ? (int)d
            : throw new ShopInputException(field, string.Create(CultureInfo.InvariantCulture, $"'{field}' must be a whole number from {min} to {max}."));
    }

    /// <summary>A list of strings, or null when absent or null.</summary>
    public static IReadOnlyList<string>? Strings(JsonObject body, string field, int maxItems)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body[field] is null)
        {
            return null;
        }

        if (body[field] is not JsonArray array || array.Count > maxItems || array.Any(i => i is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
        {
            throw new ShopInputException(field, $"'{field}' must be a list of at most {maxItems} strings.");
        }

        return [.. array.Select(i => i!.GetValue<string>())];
    }

    public static bool Has(JsonObject body, string field) => body?.ContainsKey(field) == true;

    [GeneratedRegex("\"(?<field>[A-Za-z_]{1,40})\"\\s*:\\s*(?<value>[-+]?(NaN|Infinity))", RegexOptions.CultureInvariant)]
    private static partial Regex NonFinite();
}
