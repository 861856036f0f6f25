using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Concierge.Templates;

namespace Concierge.Server.WhatsApp;

/// <summary>One <c>message_template_status_update</c> change and the WABA it came for.</summary>
public sealed record TemplateStatusEvent(string? WabaId, TemplateStatusUpdate Update);

/// <summary>
/// Reads the <c>message_template_status_update</c> changes out of a WhatsApp Business Account
/// webhook: <c>{"object":"whatsapp_business_account","entry":[{"id","time","changes":[{"field","value":{"event",
/// "message_template_id","message_template_name","message_template_language","reason"}}]}]}</c>. Every
/// entry and change is read (Meta batches); other fields, unknown events and malformed changes are
/// skipped and counted.
/// </summary>
public static class TemplateStatusEvents
{
    public const string Field = "message_template_status_update";

    /// <summary>The status events, and how many changes were skipped. Throws <see cref="JsonException"/> when the body is not JSON.</summary>
    public static (IReadOnlyList<TemplateStatusEvent> Events, int Skipped) Read(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var events = new List<TemplateStatusEvent>();
        var skipped = 0;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("object", out var kind) || kind.ValueKind != JsonValueKind.String || kind.GetString() != "whatsapp_business_account"
            || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return (events, 1);
        }

        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
            {
                skipped++;
                continue;
            }

            var wabaId = Text(entry, "id");
            DateTimeOffset? time = entry.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var seconds)
                && seconds is > 0 and < 253402300800
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
            foreach (var change in changes.EnumerateArray())
            {
                if (ReadChange(change, wabaId, time) is { } read)
                {
                    events.Add(read);
                }
                else
                {
                    skipped++;
                }
            }
        }

        return (events, skipped);
    }

    private static TemplateStatusEvent? ReadChange(JsonElement change, string? wabaId, DateTimeOffset? time)
    {
        if (change.ValueKind != JsonValueKind.Object || Text(change, "field") != Field
            || !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object
            || !TemplateStatuses.TryParse(Text(value, "event"), out var status))
        {
            return null;
        }

        var metaId = Text(value, "message_template_id");
        var name = Text(value, "message_template_name");
        var language = Text(value, "message_template_language");
        if (metaId is null && (name is null || language is null))
        {
            return null;
        }

        // Redeliveries repeat the entry's id and time and the change's bytes exactly.
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{wabaId}|{time?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}|{value.GetRawText()}")));
        var update = new TemplateStatusUpdate(
            metaId, name, language is null ? null : TemplateLanguage.Normalize(language), status, Text(value, "reason"), key, time);
        return new TemplateStatusEvent(wabaId, update);
    }

    // Meta sends ids as integers (message_template_id) or strings (entry id): both read as text.
    private static string? Text(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
