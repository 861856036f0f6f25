using System.Text.Json;

namespace Concierge.Server.Tests.Faults.Hostile;

/// <summary>One hostile value for a field or a parameter: its name in the report, its JSON text, and its query-string text.</summary>
internal sealed record HostileValue(string Kind, string Json, string Query)
{
    /// <summary>Must every field and parameter get it, even when the run is sampled?</summary>
    public bool Always { get; init; }
}

/// <summary>
/// The values every body field and query parameter is sent, one at a time: each wrong JSON type,
/// empty, huge, deeply nested, and the injection and encoding attacks. Values are JSON text, not
/// nodes, so a body can hold what a serializer would refuse to write (1,000 levels, an escaped lone
/// surrogate). A query string cannot carry a megabyte (Kestrel refuses a request line over 8 KiB
/// before the app sees it, with no problem document to check), so a query's "huge" is 4 KiB.
/// </summary>
internal static class HostileValues
{
    public const int HugeStringChars = 1024 * 1024;
    public const int HugeArrayItems = 10_000;
    public const int NestingLevels = 1_000;

    // Sent as typed (<script>, emoji, RTL marks raw in the body), not as \u escapes.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The wrong types: every field gets each (the one of its own type is then a plain valid-looking value).</summary>
    public static readonly IReadOnlyList<HostileValue> WrongTypes =
    [
        new("number", "12345678901234567890", "12345678901234567890") { Always = true },
        new("string", "\"not-a-number\"", "not-a-number") { Always = true },
        new("array", "[1,\"two\",null]", "[1,\"two\"]") { Always = true },
        new("object", "{\"a\":1}", "{\"a\":1}") { Always = true },
        new("null", "null", "null") { Always = true },
        new("bool", "true", "true") { Always = true },
        new("negative", "-1", "-1"),
        new("fraction", "0.5", "0.5"),
    ];

    /// <summary>The injection and encoding attacks, as strings (the JSON escapes are sent as escapes).</summary>
    public static readonly IReadOnlyList<HostileValue> Injections =
    [
        Text("sql", "'; DROP TABLE x;--"),
        Text("sql-or", "' OR '1'='1"),
        Text("script", "<script>alert(1)</script>"),
        Text("template", "{{7*7}}${7*7}"),
        Text("path", "../../etc/passwd"),
        new("nul", "\"a\\u0000b\"", "a\u0000b") { Always = true },
        new("lone-surrogate", "\"a\\ud800b\"", "a\ud800b") { Always = true },
        Text("rtl-override", "abc\u202Etxt.exe"),
        Text("emoji", "👩🏽‍🚀🔥"),
        Text("control", "\u0001\u001b[31m\r\n"),
    ];

    /// <summary>Empty, huge and nested.</summary>
    public static readonly IReadOnlyList<HostileValue> Sizes =
    [
        Text("empty", string.Empty),
        new("huge-string", "\"" + new string('a', HugeStringChars) + "\"", new string('a', 4096)),
        new("huge-array", "[" + string.Join(',', Enumerable.Range(0, HugeArrayItems)) + "]", string.Join(',', Enumerable.Range(0, 1000))),
        new("nested", new string('[', NestingLevels) + new string(']', NestingLevels), new string('[', 1000)),
    ];

    public static IEnumerable<HostileValue> All => [.. WrongTypes, .. Injections, .. Sizes];

    private static HostileValue Text(string kind, string value) =>
        new(kind, JsonSerializer.Serialize(value, Relaxed), value) { Always = kind is "sql" or "script" };
}
