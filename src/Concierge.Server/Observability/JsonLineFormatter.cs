using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Concierge.Server.Observability;

/// <summary>
/// One JSON object per line, flat, for log shippers: <c>timestamp</c> (UTC), <c>level</c>,
/// <c>category</c>, <c>message</c>, <c>request_id</c>, <c>trace_id</c>, <c>span_id</c>,
/// <c>tenant</c>, <c>session</c> (when known), the message's own values under <c>fields</c>, and
/// <c>exception</c>. What a line may hold is what the code logs: ids and counts, never message
/// texts, tokens or passwords (tests/…/Observability/LoggingTests check a turn and a sign-in).
/// </summary>
public sealed class JsonLineFormatter : ConsoleFormatter
{
    public const string FormatterName = "concierge-json";

    // A log line is never HTML: quotes and apostrophes stay readable (control characters are still escaped).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Scope keys the line names itself; any other scope value goes under "fields".
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["RequestId"] = "request_id",
        ["TenantId"] = "tenant",
        ["SessionId"] = "session",
        ["JobId"] = "job_id",
        ["TraceId"] = "trace_id",
        ["SpanId"] = "span_id",
    };

    public JsonLineFormatter()
        : base(FormatterName)
    {
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var top = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = new List<KeyValuePair<string, object?>>();
        scopeProvider?.ForEachScope(
            static (scope, state) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        Add(state.top, state.fields, key, value);
                    }
                }
                else if (scope is IEnumerable<KeyValuePair<string, object>> plain)
                {
                    foreach (var (key, value) in plain)
                    {
                        Add(state.top, state.fields, key, value);
                    }
                }
            },
            (top, fields));

        if (Activity.Current is { } activity)
        {
            top["trace_id"] = activity.TraceId.ToHexString();
            top["span_id"] = activity.SpanId.ToHexString();
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteString("level", LevelName(logEntry.LogLevel));
            json.WriteString("category", logEntry.Category);
            json.WriteString("message", message);
            foreach (var name in (string[])["request_id", "trace_id", "span_id", "tenant", "session", "job_id"])
            {
                if (top.TryGetValue(name, out var value))
                {
                    json.WriteString(name, value);
                }
            }

            if (logEntry.EventId.Id != 0)
            {
                json.WriteNumber("event_id", logEntry.EventId.Id);
            }

            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                fields.AddRange(values.Where(v => v.Key != "{OriginalFormat}"));
            }

            if (fields.Count > 0)
            {
                json.WriteStartObject("fields");
                foreach (var (key, value) in fields.DistinctBy(f => f.Key))
                {
                    WriteValue(json, key, value);
                }

                json.WriteEndObject();
            }

            if (logEntry.Exception is { } exception)
            {
                json.WriteString("exception", exception.ToString());
            }

            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write('\n');
    }

    private static void Add(Dictionary<string, string> top, List<KeyValuePair<string, object?>> fields, string key, object? value)
    {
        if (Known.TryGetValue(key, out var name))
        {
            if (value is not null)
            {
                top[name] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }
        else if (key != "{OriginalFormat}" && key != "ParentId")
        {
            fields.Add(new(key, value));
        }
    }

    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(key);
                break;
            case bool b:
                json.WriteBoolean(key, b);
                break;
            case int or long or short or byte or uint or ulong:
                json.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                json.WriteNumber(key, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset time:
                json.WriteString(key, time.ToString("O", CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        LogLevel.Critical => "critical",
        _ => "none",
    };
}
