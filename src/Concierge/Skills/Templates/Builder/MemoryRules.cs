using System.Text.Json;
using System.Text.Json.Nodes;
using M = Concierge.Skills.Templates.Builder.TemplateMemory;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// What memory accepts from an interpreter: known keys with values of the right kind (a category of
/// Meta's three, a language code on the list, booleans for the wants...). Anything else is dropped,
/// so a model cannot write nonsense into the state. The server-owned keys (pending) are never taken.
/// </summary>
internal static class MemoryRules
{
    private const int MaxText = 2048;

    public static JsonObject Sanitize(JsonObject updates, TemplateLanguages languages)
    {
        var clean = new JsonObject();
        foreach (var (key, value) in updates)
        {
            if (value is null)
            {
                if (key is M.HeaderText or M.FooterText or M.BodyText or M.BodyExamples or M.Name or M.PurposeKind or M.Variables)
                {
                    clean[key] = null;
                }

                continue;
            }

            JsonNode? accepted = key switch
            {
                M.Category => Text(value, 40)?.Trim().ToUpperInvariant() is { } c && TemplateCategory.All.Contains(c) ? JsonValue.Create(c) : null,
                M.LanguagePref => languages.Normalize(Text(value, 20)) is { } code ? JsonValue.Create(code) : null,
                M.BusinessType => Text(value, 60) is { Length: > 0 } b ? JsonValue.Create(b.Trim().ToLowerInvariant()) : null,
                M.Purpose => Text(value, 200) is { } p && !string.IsNullOrWhiteSpace(p) ? JsonValue.Create(p.Trim()) : null,
                M.PurposeKind => PurposeKinds.Find(Text(value, 60)) is { } kind ? JsonValue.Create(kind.Key) : null,
                M.WantsHeader or M.WantsFooter or M.WantsButtons => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? JsonValue.Create(value.GetValueKind() == JsonValueKind.True) : null,
                M.HeaderText or M.FooterText or M.BodyText => Text(value, MaxText) is { } t && !string.IsNullOrWhiteSpace(t) ? JsonValue.Create(t.Trim()) : null,
                M.Name => Text(value, TemplateRules.MaxNameLength) is { } n && !string.IsNullOrWhiteSpace(n) ? JsonValue.Create(n.Trim()) : null,
                M.BodyExamples => value is JsonArray examples ? M.ToArray(examples.Take(20).Select(e => Text(e, 200) ?? string.Empty)) : null,
                M.Variables => value is JsonArray kinds ? M.ToArray(kinds.Select(k => Text(k, 40)).OfType<string>().Where(k => VariableKinds.All.Contains(k)).Distinct()) : null,
                M.Buttons => value is JsonArray buttons ? M.ToArray(buttons.OfType<JsonObject>().Take(TemplateRules.MaxButtons).Select(ButtonWish.FromJson).OfType<ButtonWish>()) : null,
                M.CodeExpirationMinutes => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var minutes) ? JsonValue.Create(minutes) : null,
                M.ReplyLanguage => Text(value, 5) is { } r && LanguageSense.ReplyLanguages.Contains(r) ? JsonValue.Create(r) : null,
                M.LanguageSource => Text(value, 10) is "explicit" or "inferred" ? JsonValue.Create(Text(value, 10)) : null,
                _ => null,
            };
            if (accepted is not null)
            {
                clean[key] = accepted;
            }
        }

        return clean;
    }

    private static string? Text(JsonNode? node, int max) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { } text && text.Length <= max ? text : null;

    /// <summary>
    /// Writes a (model's) draft back into memory, so that the next turn, even an offline one, composes
    /// the same template from memory alone.
    /// </summary>
    public static void SyncFromDraft(JsonObject memory, TemplateDraft draft)
    {
        memory[M.Name] = draft.Name;
        memory[M.Category] = draft.Category;
        memory[M.LanguagePref] = draft.Language;
        if (draft.IsAuthentication)
        {
            memory[M.PurposeKind] = PurposeKinds.Verification;
            if (draft.Footer?.CodeExpirationMinutes is { } minutes)
            {
                memory[M.CodeExpirationMinutes] = minutes;
            }

            return;
        }

        memory[M.WantsHeader] = draft.Header is not null;
        Set(memory, M.HeaderText, draft.Header?.Text);
        memory[M.BodyText] = draft.Body?.Text;
        memory[M.BodyExamples] = M.ToArray(draft.Body?.Examples ?? []);
        memory[M.WantsFooter] = draft.Footer is not null;
        Set(memory, M.FooterText, draft.Footer?.Text);
        var buttons = draft.Buttons?.Buttons.Select(b => b switch
        {
            QuickReplyButton q => new ButtonWish(TemplateButton.QuickReplyType, q.Text),
            UrlButton u => new ButtonWish(TemplateButton.UrlType, u.Text, Url: u.Url),
            PhoneNumberButton p => new ButtonWish(TemplateButton.PhoneNumberType, p.Text, PhoneNumber: p.PhoneNumber),
            _ => null,
        }).OfType<ButtonWish>().ToList() ?? [];
        memory[M.WantsButtons] = buttons.Count > 0;
        memory[M.Buttons] = M.ToArray(buttons);
    }

    private static void Set(JsonObject memory, string key, string? value)
    {
        if (value is null)
        {
            memory.Remove(key);
        }
        else
        {
            memory[key] = value;
        }
    }
}
