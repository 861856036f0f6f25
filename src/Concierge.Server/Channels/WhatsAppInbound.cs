using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Concierge.Channels;

namespace Concierge.Server.Channels;

/// <summary>What an inbound message is for the conversation.</summary>
public static class InboundKinds
{
    /// <summary>Text, a button reply, a list reply, or a media caption: a turn.</summary>
    public const string Text = "text";

    /// <summary>Media without caption, a location, contacts: answered politely, no turn.</summary>
    public const string Media = "media";

    /// <summary>A reaction: recorded and ignored.</summary>
    public const string Reaction = "reaction";

    /// <summary>Anything else (unsupported, system, an ephemeral...): recorded and ignored.</summary>
    public const string Unsupported = "unsupported";
}

/// <summary>One message of a <c>messages</c> webhook change, already reduced to what the conversation needs.</summary>
public sealed record WhatsAppMessage(
    string PhoneNumberId, string? DisplayNumber, string From, string? ProfileName, string Id, DateTimeOffset? Timestamp, string Type, string Kind, string? Text, string? Detail);

/// <summary>One status of a <c>messages</c> webhook change: <c>{id, status, timestamp, recipient_id, errors[{code,title}]}</c>.</summary>
public sealed record WhatsAppStatus(string PhoneNumberId, string Id, string Status, int? ErrorCode, string? ErrorTitle);

/// <summary>
/// Reads the <c>messages</c> field of Meta's webhook (FACTS.md §2.4, §2.5): every entry and change,
/// <c>value.metadata.phone_number_id</c> (the business number), <c>contacts[]</c>, <c>messages[]</c>
/// and <c>statuses[]</c>. Anything malformed is skipped and counted, never thrown (except a body that is not JSON).
/// </summary>
public static class WhatsAppInbound
{
    public static (IReadOnlyList<WhatsAppMessage> Messages, IReadOnlyList<WhatsAppStatus> Statuses, int Skipped) Read(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        using var document = JsonDocument.ParseValue(ref reader);
        var messages = new List<WhatsAppMessage>();
        var statuses = new List<WhatsAppStatus>();
        var skipped = 0;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return (messages, statuses, 0);
        }

        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var change in changes.EnumerateArray())
            {
                if (change.ValueKind != JsonValueKind.Object || Text(change, "field") != "messages"
                    || !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var metadata = value.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
                var phoneNumberId = metadata.ValueKind == JsonValueKind.Object ? Text(metadata, "phone_number_id") : null;
                var display = metadata.ValueKind == JsonValueKind.Object ? Text(metadata, "display_phone_number") : null;
                if (phoneNumberId is null)
                {
                    skipped++;
                    continue;
                }

                var names = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var contact in Items(value, "contacts"))
                {
                    if (Text(contact, "wa_id") is { } waId && contact.TryGetProperty("profile", out var profile) && profile.ValueKind == JsonValueKind.Object
                        && Text(profile, "name") is { } name)
                    {
                        names[waId] = name;
                    }
                }

                foreach (var message in Items(value, "messages"))
                {
                    if (ReadMessage(message, phoneNumberId, display, names) is { } read)
                    {
                        messages.Add(read);
                    }
                    else
                    {
                        skipped++;
                    }
                }

                foreach (var status in Items(value, "statuses"))
                {
                    var id = Text(status, "id");
                    var state = Text(status, "status")?.ToLowerInvariant();
                    if (id is null || state is null)
                    {
                        skipped++;
                        continue;
                    }

                    var error = Items(status, "errors").FirstOrDefault();
                    int? code = error.ValueKind == JsonValueKind.Object && Text(error, "code") is { } c && int.TryParse(c, CultureInfo.InvariantCulture, out var n) ? n : null;
                    var title = error.ValueKind == JsonValueKind.Object ? Text(error, "title") ?? Text(error, "message") : null;
                    statuses.Add(new WhatsAppStatus(phoneNumberId, id, state, code, title));
                }
            }
        }

        return (messages, statuses, skipped);
    }

    /// <summary>The deduplication key of a channel id: itself, or its SHA-256 when longer than an index takes comfortably.</summary>
    public static string Key(string externalId) =>
        externalId.Length <= 200 ? externalId : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(externalId)));

    private static WhatsAppMessage? ReadMessage(JsonElement message, string phoneNumberId, string? display, Dictionary<string, string> names)
    {
        var id = Text(message, "id");
        var from = Text(message, "from");
        var type = Text(message, "type") ?? "unknown";
        if (id is null || from is null)
        {
            return null;
        }

        DateTimeOffset? at = Text(message, "timestamp") is { } ts && long.TryParse(ts, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        var (kind, text, detail) = type switch
        {
            "text" => Body(Nested(message, "text", "body")),
            "button" => Body(Nested(message, "button", "text") ?? Nested(message, "button", "payload")),
            "interactive" => Body(Interactive(message)),
            "image" or "video" or "document" or "sticker" or "audio" => Nested(message, type, "caption") is { } caption && caption.Trim().Length > 0
                ? (InboundKinds.Text, caption, type)
                : (InboundKinds.Media, null, type),
            "location" or "contacts" => (InboundKinds.Media, null, type),
            "reaction" => (InboundKinds.Reaction, null, Nested(message, "reaction", "emoji")),
            _ => (InboundKinds.Unsupported, null, type),
        };
        return new WhatsAppMessage(phoneNumberId, display, from, names.GetValueOrDefault(from), id, at, type, kind, text, detail);
    }

    private static (string, string?, string?) Body(string? text) =>
        text is { } t && t.Trim().Length > 0 ? (InboundKinds.Text, t, null) : (InboundKinds.Unsupported, null, "empty");

    private static string? Interactive(JsonElement message)
    {
        if (!message.TryGetProperty("interactive", out var interactive) || interactive.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // The id is the choice's text as a customer would type it (ReplyChoice); the title only when a reply has no id.
        return Nested(interactive, "button_reply", "id") ?? Nested(interactive, "list_reply", "id")
            ?? Nested(interactive, "button_reply", "title") ?? Nested(interactive, "list_reply", "title");
    }

    private static string? Nested(JsonElement element, string child, string property) =>
        element.TryGetProperty(child, out var inner) && inner.ValueKind == JsonValueKind.Object ? RawText(inner, property) : null;

    private static IEnumerable<JsonElement> Items(JsonElement element, string property) =>
        element.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToArray()
            : [];

    // Texts are kept as sent (no trimming): the user's words.
    private static string? RawText(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

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
