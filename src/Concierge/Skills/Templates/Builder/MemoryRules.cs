using System.Text.Json;
using System.Text.Json.Nodes;
using M = Concierge.Skills.Templates.Builder.TemplateMemoryKeys;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// Where an interpreter's memory updates (JSON: the model answers JSON) become typed values: known
/// keys with values of the right kind (a category of Meta's three, a language code on the list,
/// booleans for the wants...). Anything else is dropped, so a model cannot write nonsense into the
/// state, and no untyped bag goes past this point. The server-owned key (pending) is never taken.
/// </summary>
internal static class MemoryRules
{
    private const int MaxText = 2048;

    /// <summary>
    /// <paramref name="memory"/> with the accepted <paramref name="updates"/> applied (a JSON null clears
    /// a text slot), and the keys that were given a value (the decision tells a request from a default).
    /// </summary>
    public static (TemplateMemory Memory, IReadOnlySet<string> Given) Apply(TemplateMemory memory, JsonObject updates, TemplateLanguages languages)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in updates)
        {
            if (value is null)
            {
                memory = key switch
                {
                    M.HeaderText => memory with { HeaderText = null },
                    M.FooterText => memory with { FooterText = null },
                    M.BodyText => memory with { BodyText = null },
                    M.BodyExamples => memory with { BodyExamples = null },
                    M.Name => memory with { Name = null },
                    M.PurposeKind => memory with { PurposeKind = null },
                    M.Variables => memory with { Variables = null },
                    _ => memory,
                };
                continue;
            }

            var before = memory;
            memory = key switch
            {
                M.Category => Text(value, 40)?.Trim().ToUpperInvariant() is { } c && TemplateCategory.All.Contains(c) ? memory with { Category = c } : memory,
                M.LanguagePref => languages.Normalize(Text(value, 20)) is { } code ? memory with { LanguagePref = code } : memory,
                M.BusinessType => Text(value, 60) is { Length: > 0 } b ? memory with { BusinessType = b.Trim().ToLowerInvariant() } : memory,
                M.Purpose => Text(value, 200) is { } p && !string.IsNullOrWhiteSpace(p) ? memory with { Purpose = p.Trim() } : memory,
                M.PurposeKind => PurposeKinds.Find(Text(value, 60)) is { } kind ? memory with { PurposeKind = kind.Key } : memory,
                M.WantsHeader => Bool(value) is { } h ? memory with { WantsHeader = h } : memory,
                M.WantsFooter => Bool(value) is { } f ? memory with { WantsFooter = f } : memory,
                M.WantsButtons => Bool(value) is { } w ? memory with { WantsButtons = w } : memory,
                M.HeaderText => Content(value) is { } ht ? memory with { HeaderText = ht } : memory,
                M.FooterText => Content(value) is { } ft ? memory with { FooterText = ft } : memory,
                M.BodyText => Content(value) is { } bt ? memory with { BodyText = bt } : memory,
                M.Name => Text(value, TemplateRules.MaxNameLength) is { } n && !string.IsNullOrWhiteSpace(n) ? memory with { Name = n.Trim() } : memory,
                M.BodyExamples => value is JsonArray examples ? memory with { BodyExamples = [.. examples.Take(20).Select(e => Text(e, 200) ?? string.Empty)] } : memory,
                M.Variables => value is JsonArray kinds ? memory with { Variables = [.. kinds.Select(k => Text(k, 40)).OfType<string>().Where(k => VariableKinds.All.Contains(k)).Distinct()] } : memory,
                M.Buttons => value is JsonArray buttons ? memory with { Buttons = [.. buttons.OfType<JsonObject>().Take(TemplateRules.MaxButtons).Select(Button).OfType<ButtonWish>()] } : memory,
                M.CodeExpirationMinutes => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var minutes) ? memory with { CodeExpirationMinutes = minutes } : memory,
                M.ReplyLanguage => Text(value, 5) is { } r && LanguageSense.ReplyLanguages.Contains(r) ? memory with { ReplyLanguage = r } : memory,
                M.LanguageSource => Text(value, 10) is "explicit" or "inferred" ? memory with { LanguageSource = Text(value, 10) } : memory,
                _ => memory,
            };
            if (!ReferenceEquals(before, memory))
            {
                given.Add(key);
            }
        }

        return (memory, given);
    }

    /// <summary>A button as an interpreter writes it, <c>{"type","text"?,"url"?,"phone_number"?}</c>; null for another type.</summary>
    public static ButtonWish? Button(JsonObject json)
    {
        var type = Text(json["type"], 40)?.Trim().ToUpperInvariant();
        return type is TemplateButton.QuickReplyType or TemplateButton.UrlType or TemplateButton.PhoneNumberType
            ? new ButtonWish(type, Content(json["text"]), Text(json["url"], 2000), Text(json["phone_number"], 40))
            : null;
    }

    /// <summary>A button as memory updates carry it (the interpreters' JSON side).</summary>
    public static JsonObject ToJson(ButtonWish button)
    {
        var json = new JsonObject { ["type"] = button.Type };
        if (button.Text is not null)
        {
            json["text"] = button.Text;
        }

        if (button.Url is not null)
        {
            json["url"] = button.Url;
        }

        if (button.PhoneNumber is not null)
        {
            json["phone_number"] = button.PhoneNumber;
        }

        return json;
    }

    public static JsonArray ToArray(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    public static JsonArray ToArray(IEnumerable<ButtonWish> buttons) => new([.. buttons.Select(b => (JsonNode?)ToJson(b))]);

    private static bool? Bool(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static string? Content(JsonNode? value) => Text(value, MaxText) is { } t && !string.IsNullOrWhiteSpace(t) ? t.Trim() : null;

    private static string? Text(JsonNode? node, int max) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { } text && text.Length <= max ? text : null;

    /// <summary>
    /// Writes a (model's) draft back into memory, so that the next turn, even an offline one, composes
    /// the same template from memory alone.
    /// </summary>
    public static TemplateMemory SyncFromDraft(TemplateMemory memory, TemplateDraft draft)
    {
        memory = memory with { Name = draft.Name, Category = draft.Category, LanguagePref = draft.Language };
        if (draft.IsAuthentication)
        {
            return memory with
            {
                PurposeKind = PurposeKinds.Verification,
                CodeExpirationMinutes = draft.Footer?.CodeExpirationMinutes ?? memory.CodeExpirationMinutes,
            };
        }

        var buttons = draft.Buttons?.Buttons.Select(b => b switch
        {
            QuickReplyButton q => new ButtonWish(TemplateButton.QuickReplyType, q.Text),
            UrlButton u => new ButtonWish(TemplateButton.UrlType, u.Text, Url: u.Url),
            PhoneNumberButton p => new ButtonWish(TemplateButton.PhoneNumberType, p.Text, PhoneNumber: p.PhoneNumber),
            _ => null,
        }).OfType<ButtonWish>().ToList() ?? [];
        return memory with
        {
            WantsHeader = draft.Header is not null,
            HeaderText = draft.Header?.Text,
            BodyText = draft.Body?.Text,
            BodyExamples = [.. draft.Body?.Examples ?? []],
            WantsFooter = draft.Footer is not null,
            FooterText = draft.Footer?.Text,
            WantsButtons = buttons.Count > 0,
            Buttons = buttons,
        };
    }
}
