using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Concierge.Testing.FakeOtlp;

/// <summary>One span as an OTLP collector receives it (ids in lower-case hex).</summary>
public sealed record ReceivedSpan(string Scope, string Name, string TraceId, string SpanId, string ParentSpanId, IReadOnlyList<(string TraceId, string SpanId)> Links);

/// <summary>
/// An OpenTelemetry collector's OTLP/HTTP traces endpoint on loopback (<c>POST /v1/traces</c>,
/// <c>application/x-protobuf</c>): it decodes the ExportTraceServiceRequest messages the real
/// exporter sends (the protobuf wire format, read field by field) and keeps their spans.
/// </summary>
public sealed class FakeOtlpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private LoopbackServer? _server;

    private FakeOtlpServer()
    {
    }

    /// <summary>The collector's base URL, for OTEL_EXPORTER_OTLP_ENDPOINT (the exporter adds /v1/traces).</summary>
    public Uri Address => _server!.Address;

    public IReadOnlyList<ReceivedSpan> Spans => _spans.ToArray();

    public int Requests { get; private set; }

    public static async Task<FakeOtlpServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var fake = new FakeOtlpServer();
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync, cancellationToken).ConfigureAwait(false);
        return fake;
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path != "/v1/traces" || !HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (context.Request.ContentType?.StartsWith("application/x-protobuf", StringComparison.Ordinal) != true)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body).ConfigureAwait(false);
        Requests++;
        foreach (var span in Decode(body.ToArray()))
        {
            _spans.Enqueue(span);
        }

        // An empty ExportTraceServiceResponse: everything accepted.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
    }

    // ExportTraceServiceRequest { 1: ResourceSpans { 2: ScopeSpans { 1: InstrumentationScope { 1: name }, 2: Span } } }
    // Span { 1: trace_id, 2: span_id, 4: parent_span_id, 5: name, 13: Link { 1: trace_id, 2: span_id } }
    private static IEnumerable<ReceivedSpan> Decode(byte[] request)
    {
        foreach (var resourceSpans in Fields(request, 1))
        {
            foreach (var scopeSpans in Fields(resourceSpans, 2))
            {
                var scope = Fields(scopeSpans, 1).Select(s => Text(Fields(s, 1).FirstOrDefault())).FirstOrDefault() ?? string.Empty;
                foreach (var span in Fields(scopeSpans, 2))
                {
                    var links = Fields(span, 13).Select(l => (Hex(Fields(l, 1).FirstOrDefault()), Hex(Fields(l, 2).FirstOrDefault()))).ToList();
                    yield return new ReceivedSpan(
                        scope,
                        Text(Fields(span, 5).FirstOrDefault()),
                        Hex(Fields(span, 1).FirstOrDefault()),
                        Hex(Fields(span, 2).FirstOrDefault()),
                        Hex(Fields(span, 4).FirstOrDefault()),
                        links);
                }
            }
        }
    }

    /// <summary>The length-delimited fields numbered <paramref name="number"/> of one message (other wire types skipped).</summary>
    private static List<byte[]> Fields(byte[]? message, int number)
    {
        var found = new List<byte[]>();
        if (message is null)
        {
            return found;
        }

        var at = 0;
        while (at < message.Length)
        {
            var key = Varint(message, ref at);
            var field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    Varint(message, ref at);
                    break;
                case 1:
                    at += 8;
                    break;
                case 5:
                    at += 4;
                    break;
                case 2:
                    var length = (int)Varint(message, ref at);
                    if (field == number)
                    {
                        found.Add(message[at..(at + length)]);
                    }

                    at += length;
                    break;
                default:
                    throw new FormatException($"Unexpected protobuf wire type {key & 7} at byte {at}.");
            }
        }

        return found;
    }

    private static ulong Varint(byte[] data, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }

    private static string Hex(byte[]? bytes) => bytes is null ? string.Empty : Convert.ToHexStringLower(bytes);

    private static string Text(byte[]? bytes) => bytes is null ? string.Empty : System.Text.Encoding.UTF8.GetString(bytes);
}
