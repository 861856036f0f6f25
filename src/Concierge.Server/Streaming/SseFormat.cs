using System.Text.Encodings.Web;
using System.Text.Json;

namespace Concierge.Server.Streaming;

/// <summary>
/// The two event shapes a turn streams in: the native one (named events <c>delta</c>, <c>done</c>,
/// <c>error</c>, <c>restart</c>) and seed 004's (data-only events with a <c>type</c>).
/// </summary>
public sealed class SseFormat
{
    public static readonly SseFormat Native = new(seed: false);

    public static readonly SseFormat Seed004 = new(seed: true);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly bool _seed;

    private SseFormat(bool seed) => _seed = seed;

    public SseEvent Delta(string text) =>
        _seed ? new(null, new { type = "delta", content = text }) : new("delta", new { text });

    public SseEvent Restart() =>
        _seed ? new(null, new { type = "restart" }) : new("restart", new { });

    public SseEvent Done(object payload) => _seed ? new(null, payload) : new("done", payload);

    public SseEvent Error(object problem) => _seed ? new(null, new { type = "error", error = problem }) : new("error", problem);
}
