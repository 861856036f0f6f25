using System.Text.Json;
using System.Text.Json.Nodes;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// The template skill's session memory: the slots the debug document shows. The first seven keys are
/// the seed system's names and must stay; the others are what the composer needs to rebuild the draft
/// from memory alone (so an offline turn after a model turn keeps the model's work).
/// </summary>
public static class TemplateMemory
{
    public const string Category = "category";
    public const string LanguagePref = "language_pref";
    public const string BusinessType = "business_type";
    public const string Purpose = "purpose";
    public const string WantsHeader = "wants_header";
    public const string WantsFooter = "wants_footer";
    public const string WantsButtons = "wants_buttons";

    /// <summary>The recognised purpose (order_shipped, appointment_reminder...), see <see cref="PurposeKinds"/>.</summary>
    public const string PurposeKind = "purpose_kind";
    public const string HeaderText = "header_text";
    public const string FooterText = "footer_text";

    /// <summary>A body the user (or the model) wrote; absent means the composer writes it.</summary>
    public const string BodyText = "body_text";
    public const string BodyExamples = "body_examples";

    /// <summary>Buttons as <c>{"type","text"?,"url"?,"phone_number"?}</c>; a null text takes the default label.</summary>
    public const string Buttons = "buttons";

    /// <summary>Variable kinds in body order (customer_name, order_number...), see <see cref="VariableKinds"/>.</summary>
    public const string Variables = "variables";
    public const string Name = "name";
    public const string CodeExpirationMinutes = "code_expiration_minutes";

    /// <summary>en, es, pt or fr: the language the user writes in, for replies.</summary>
    public const string ReplyLanguage = "reply_language";

    /// <summary>"explicit" when the user named the template language, "inferred" when taken from how they write.</summary>
    public const string LanguageSource = "language_source";

    /// <summary>What the last reply asked (a missing field, a rule code, or "confirm"): gives "yes"/"no" a meaning.</summary>
    public const string Pending = "pending";

    public static string? GetString(JsonObject memory, string key) =>
        memory.TryGetPropertyValue(key, out var node) && node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    public static bool? GetBool(JsonObject memory, string key) =>
        memory.TryGetPropertyValue(key, out var node) && node is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            }
            : null;

    public static int? GetInt(JsonObject memory, string key) =>
        memory.TryGetPropertyValue(key, out var node) && node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && value.TryGetValue<int>(out var number)
            ? number
            : null;

    public static IReadOnlyList<string> GetStrings(JsonObject memory, string key) =>
        memory.TryGetPropertyValue(key, out var node) && node is JsonArray array
            ? array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList()
            : [];

    public static IReadOnlyList<ButtonWish> GetButtons(JsonObject memory) =>
        memory.TryGetPropertyValue(Buttons, out var node) && node is JsonArray array
            ? array.OfType<JsonObject>().Select(ButtonWish.FromJson).OfType<ButtonWish>().ToList()
            : [];

    public static JsonArray ToArray(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    public static JsonArray ToArray(IEnumerable<ButtonWish> buttons) => new([.. buttons.Select(b => (JsonNode?)b.ToJson())]);

    /// <summary>A copy of <paramref name="memory"/> with <paramref name="updates"/> merged: a JSON null removes the key.</summary>
    public static JsonObject Merge(JsonObject memory, JsonObject updates)
    {
        var merged = (JsonObject)memory.DeepClone();
        foreach (var (key, value) in updates)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value.DeepClone();
            }
        }

        return merged;
    }
}

/// <summary>A button the user asked for; the URL or phone may still be unknown (then the skill asks for it).</summary>
public sealed record ButtonWish(string Type, string? Text = null, string? Url = null, string? PhoneNumber = null)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type };
        if (Text is not null)
        {
            json["text"] = Text;
        }

        if (Url is not null)
        {
            json["url"] = Url;
        }

        if (PhoneNumber is not null)
        {
            json["phone_number"] = PhoneNumber;
        }

        return json;
    }

    public static ButtonWish? FromJson(JsonObject json)
    {
        var type = TemplateMemory.GetString(json, "type")?.Trim().ToUpperInvariant();
        return type is TemplateButton.QuickReplyType or TemplateButton.UrlType or TemplateButton.PhoneNumberType
            ? new ButtonWish(type, TemplateMemory.GetString(json, "text"), TemplateMemory.GetString(json, "url"), TemplateMemory.GetString(json, "phone_number"))
            : null;
    }
}
