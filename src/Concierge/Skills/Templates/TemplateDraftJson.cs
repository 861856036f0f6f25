using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Concierge.Skills.Templates;

/// <summary>
/// The stable JSON shape of a <see cref="TemplateDraft"/> (the session's <c>draft</c>, and what a model
/// proposes). It uses Meta's own field names and is close to the creation payload:
/// <code>
/// {"name":"order_shipped","category":"UTILITY","language":"en_US","parameter_format":"POSITIONAL",
///  "components":[
///   {"type":"HEADER","format":"TEXT","text":"Order {{1}}","example":{"header_text":["#1234"]}},
///   {"type":"BODY","text":"Hi {{1}}, ...","example":{"body_text":[["Ana"]]}},
///   {"type":"FOOTER","text":"..."},
///   {"type":"BUTTONS","buttons":[{"type":"URL","text":"Track","url":"https://x.com/t/{{1}}","example":["https://x.com/t/ABC"]}]}]}
/// </code>
/// Parsing is lenient where the draft is merely incomplete (missing fields are null or empty, enum
/// words in any case) and strict on types and sizes: it never throws, it returns an error instead.
/// </summary>
public static class TemplateDraftJson
{
    /// <summary>Longest string accepted in any field (far above every rule's limit, so rules still report).</summary>
    public const int MaxStringLength = 10_000;
    public const int MaxComponents = 20;
    public const int MaxButtons = 50;
    public const int MaxExamples = 100;
    public const int MaxSupportedApps = 20;

    public static JsonObject ToJson(TemplateDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var json = new JsonObject();
        AddIfNotNull(json, "name", draft.Name);
        AddIfNotNull(json, "category", draft.Category);
        AddIfNotNull(json, "language", draft.Language);
        json["parameter_format"] = FormatName(draft.ParameterFormat);
        var components = new JsonArray();
        foreach (var component in draft.Components)
        {
            components.Add(ComponentToJson(component));
        }

        json["components"] = components;
        return json;
    }

    internal static string FormatName(TemplateParameterFormat format) =>
        format == TemplateParameterFormat.Named ? "NAMED" : "POSITIONAL";

    private static JsonObject ComponentToJson(TemplateComponent component)
    {
        var json = new JsonObject { ["type"] = component.Type };
        switch (component)
        {
            case HeaderComponent header:
                json["format"] = header.Format;
                AddIfNotNull(json, "text", header.Text);
                var headerExample = new JsonObject();
                if (header.Examples.Count > 0)
                {
                    headerExample["header_text"] = Strings(header.Examples);
                }

                if (header.NamedExamples.Count > 0)
                {
                    headerExample["header_text_named_params"] = NamedParams(header.NamedExamples);
                }

                if (header.MediaHandle is not null)
                {
                    headerExample["header_handle"] = new JsonArray(header.MediaHandle);
                }

                if (headerExample.Count > 0)
                {
                    json["example"] = headerExample;
                }

                break;
            case BodyComponent body:
                AddIfNotNull(json, "text", body.Text);
                if (body.AddSecurityRecommendation is { } recommend)
                {
                    json["add_security_recommendation"] = recommend;
                }

                var bodyExample = new JsonObject();
                if (body.Examples.Count > 0)
                {
                    bodyExample["body_text"] = new JsonArray(Strings(body.Examples));
                }

                if (body.NamedExamples.Count > 0)
                {
                    bodyExample["body_text_named_params"] = NamedParams(body.NamedExamples);
                }

                if (bodyExample.Count > 0)
                {
                    json["example"] = bodyExample;
                }

                break;
            case FooterComponent footer:
                AddIfNotNull(json, "text", footer.Text);
                if (footer.CodeExpirationMinutes is { } minutes)
                {
                    json["code_expiration_minutes"] = minutes;
                }

                break;
            case ButtonsComponent buttons:
                var array = new JsonArray();
                foreach (var button in buttons.Buttons)
                {
                    array.Add(ButtonToJson(button, forMeta: false));
                }

                json["buttons"] = array;
                break;
        }

        return json;
    }

    /// <summary>
    /// A button in Meta's field names. <paramref name="forMeta"/> gives the create call's strict form
    /// (only what Meta takes for the button's kind); otherwise every field is kept, so a draft
    /// round-trips even while it is still invalid.
    /// </summary>
    internal static JsonObject ButtonToJson(TemplateButton button, bool forMeta)
    {
        var json = new JsonObject { ["type"] = button.Type };
        switch (button)
        {
            case QuickReplyButton quickReply:
                json["text"] = quickReply.Text;
                break;
            case UrlButton url:
                json["text"] = url.Text;
                json["url"] = url.Url;
                if (url.Example is not null && (!forMeta || url.Url.EndsWith("{{1}}", StringComparison.Ordinal)))
                {
                    json["example"] = new JsonArray(UrlExample(url.Url, url.Example));
                }

                break;
            case PhoneNumberButton phone:
                json["text"] = phone.Text;
                json["phone_number"] = phone.PhoneNumber;
                break;
            case CopyCodeButton copy:
                json["example"] = copy.Example;
                break;
            case OtpButton otp:
                json["otp_type"] = otp.OtpType;
                AddIfNotNull(json, "text", otp.Text);
                if (forMeta ? otp.OtpType is OtpType.OneTap or OtpType.ZeroTap : otp.SupportedApps.Count > 0)
                {
                    json["supported_apps"] = SupportedApps(otp.SupportedApps);
                }

                if (forMeta ? otp.OtpType == OtpType.ZeroTap : otp.ZeroTapTermsAccepted)
                {
                    json["zero_tap_terms_accepted"] = true;
                }

                break;
        }

        return json;
    }

    /// <summary>The full example URL Meta expects: the URL with its trailing <c>{{1}}</c> replaced by the example value.</summary>
    internal static string UrlExample(string url, string example) =>
        url.EndsWith("{{1}}", StringComparison.Ordinal) ? url[..^"{{1}}".Length] + example : example;

    internal static JsonArray Strings(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(value);
        }

        return array;
    }

    internal static JsonArray NamedParams(IEnumerable<NamedParameterExample> examples)
    {
        var array = new JsonArray();
        foreach (var example in examples)
        {
            array.Add(new JsonObject { ["param_name"] = example.ParamName, ["example"] = example.Example });
        }

        return array;
    }

    internal static JsonArray SupportedApps(IEnumerable<SupportedApp> apps)
    {
        var array = new JsonArray();
        foreach (var app in apps)
        {
            array.Add(new JsonObject { ["package_name"] = app.PackageName, ["signature_hash"] = app.SignatureHash });
        }

        return array;
    }

    private static void AddIfNotNull(JsonObject json, string key, string? value)
    {
        if (value is not null)
        {
            json[key] = value;
        }
    }

    /// <summary>
    /// Reads a draft in the shape of <see cref="ToJson"/>. Never throws: on wrong types, unknown component
    /// or button types, or oversized strings and arrays it returns false with a one-line error naming the path.
    /// Missing fields become null/empty so the validator can report them as rule violations.
    /// </summary>
    public static bool TryParse(JsonNode? node, [NotNullWhen(true)] out TemplateDraft? draft, out string error)
    {
        draft = null;
        try
        {
            var reader = new Reader();
            draft = reader.ReadDraft(node);
            error = reader.Error ?? string.Empty;
            if (reader.Error is not null)
            {
                draft = null;
                return false;
            }

            return draft is not null;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or ArgumentException or OverflowException)
        {
            draft = null;
            error = $"The draft is not valid JSON for a template: {e.Message}";
            return false;
        }
    }

    /// <summary>Walks the JSON, recording the first error and returning placeholder values after it.</summary>
    private sealed class Reader
    {
        public string? Error { get; private set; }

        private bool Fail(string message)
        {
            Error ??= message;
            return false;
        }

        public TemplateDraft? ReadDraft(JsonNode? node)
        {
            if (node is not JsonObject json)
            {
                Fail("The draft must be a JSON object.");
                return null;
            }

            var name = String(json, "name", "name");
            var category = String(json, "category", "category")?.Trim().ToUpperInvariant();
            var language = String(json, "language", "language")?.Trim();
            var format = TemplateParameterFormat.Positional;
            var formatText = String(json, "parameter_format", "parameter_format")?.Trim().ToUpperInvariant();
            if (formatText is "NAMED")
            {
                format = TemplateParameterFormat.Named;
            }
            else if (formatText is not null and not "POSITIONAL")
            {
                Fail($"parameter_format must be POSITIONAL or NAMED, not '{Clip(formatText)}'.");
            }

            var components = new List<TemplateComponent>();
            var array = Array(json, "components", "components", MaxComponents);
            for (var i = 0; array is not null && i < array.Count && Error is null; i++)
            {
                var component = ReadComponent(array[i], $"components[{i}]");
                if (component is not null)
                {
                    components.Add(component);
                }
            }

            return Error is not null ? null : new TemplateDraft
            {
                Name = name,
                Category = category,
                Language = language,
                ParameterFormat = format,
                Components = components,
            };
        }

        private TemplateComponent? ReadComponent(JsonNode? node, string path)
        {
            if (node is not JsonObject json)
            {
                Fail($"{path} must be an object.");
                return null;
            }

            var type = String(json, "type", $"{path}.type")?.Trim().ToUpperInvariant();
            switch (type)
            {
                case TemplateComponent.HeaderType:
                    var headerExample = Object(json, "example", $"{path}.example");
                    var handles = headerExample is null ? null : StringList(headerExample, "header_handle", $"{path}.example.header_handle", allowSingle: true);
                    if (handles is { Count: > 1 })
                    {
                        Fail($"{path}.example.header_handle must hold one handle.");
                    }

                    return new HeaderComponent
                    {
                        Format = String(json, "format", $"{path}.format")?.Trim().ToUpperInvariant() ?? HeaderFormat.Text,
                        Text = String(json, "text", $"{path}.text"),
                        Examples = headerExample is null ? [] : StringList(headerExample, "header_text", $"{path}.example.header_text", allowSingle: true) ?? [],
                        NamedExamples = headerExample is null ? [] : NamedList(headerExample, "header_text_named_params", $"{path}.example.header_text_named_params"),
                        MediaHandle = handles is { Count: > 0 } ? handles[0] : null,
                    };
                case TemplateComponent.BodyType:
                    var bodyExample = Object(json, "example", $"{path}.example");
                    return new BodyComponent
                    {
                        Text = String(json, "text", $"{path}.text"),
                        AddSecurityRecommendation = Bool(json, "add_security_recommendation", $"{path}.add_security_recommendation"),
                        Examples = bodyExample is null ? [] : BodyExamples(bodyExample, $"{path}.example.body_text"),
                        NamedExamples = bodyExample is null ? [] : NamedList(bodyExample, "body_text_named_params", $"{path}.example.body_text_named_params"),
                    };
                case TemplateComponent.FooterType:
                    return new FooterComponent
                    {
                        Text = String(json, "text", $"{path}.text"),
                        CodeExpirationMinutes = Int(json, "code_expiration_minutes", $"{path}.code_expiration_minutes"),
                    };
                case TemplateComponent.ButtonsType:
                    var buttons = new List<TemplateButton>();
                    var array = Array(json, "buttons", $"{path}.buttons", MaxButtons);
                    for (var i = 0; array is not null && i < array.Count && Error is null; i++)
                    {
                        var button = ReadButton(array[i], $"{path}.buttons[{i}]");
                        if (button is not null)
                        {
                            buttons.Add(button);
                        }
                    }

                    return new ButtonsComponent(buttons);
                case null:
                    Fail($"{path}.type is missing (HEADER, BODY, FOOTER or BUTTONS).");
                    return null;
                default:
                    Fail($"{path}.type '{Clip(type)}' is not supported; use HEADER, BODY, FOOTER or BUTTONS.");
                    return null;
            }
        }

        private TemplateButton? ReadButton(JsonNode? node, string path)
        {
            if (node is not JsonObject json)
            {
                Fail($"{path} must be an object.");
                return null;
            }

            var type = String(json, "type", $"{path}.type")?.Trim().ToUpperInvariant();
            var text = String(json, "text", $"{path}.text");
            switch (type)
            {
                case TemplateButton.QuickReplyType:
                    return new QuickReplyButton(text ?? string.Empty);
                case TemplateButton.UrlType:
                    var url = String(json, "url", $"{path}.url") ?? string.Empty;
                    var examples = StringList(json, "example", $"{path}.example", allowSingle: true);
                    if (examples is { Count: > 1 })
                    {
                        Fail($"{path}.example must hold one example URL.");
                    }

                    return new UrlButton(text ?? string.Empty, url) { Example = examples is { Count: > 0 } ? UrlSuffix(url, examples[0]) : null };
                case TemplateButton.PhoneNumberType:
                    return new PhoneNumberButton(text ?? string.Empty, String(json, "phone_number", $"{path}.phone_number") ?? string.Empty);
                case TemplateButton.CopyCodeType:
                    var codes = StringList(json, "example", $"{path}.example", allowSingle: true);
                    if (codes is { Count: > 1 })
                    {
                        Fail($"{path}.example must hold one code.");
                    }

                    return new CopyCodeButton(codes is { Count: > 0 } ? codes[0] : string.Empty);
                case TemplateButton.OtpButtonType:
                    var apps = new List<SupportedApp>();
                    var array = Array(json, "supported_apps", $"{path}.supported_apps", MaxSupportedApps);
                    for (var i = 0; array is not null && i < array.Count && Error is null; i++)
                    {
                        var appPath = $"{path}.supported_apps[{i}]";
                        if (array[i] is not JsonObject app)
                        {
                            Fail($"{appPath} must be an object with package_name and signature_hash.");
                            break;
                        }

                        apps.Add(new SupportedApp(
                            String(app, "package_name", $"{appPath}.package_name") ?? string.Empty,
                            String(app, "signature_hash", $"{appPath}.signature_hash") ?? string.Empty));
                    }

                    return new OtpButton(String(json, "otp_type", $"{path}.otp_type")?.Trim().ToUpperInvariant() ?? string.Empty)
                    {
                        Text = text,
                        SupportedApps = apps,
                        ZeroTapTermsAccepted = Bool(json, "zero_tap_terms_accepted", $"{path}.zero_tap_terms_accepted") ?? false,
                    };
                case null:
                    Fail($"{path}.type is missing (QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE or OTP).");
                    return null;
                default:
                    Fail($"{path}.type '{Clip(type)}' is not supported; use QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE or OTP.");
                    return null;
            }
        }

        /// <summary>Meta's examples of a URL are whole URLs; the draft keeps only the variable's value.</summary>
        private static string UrlSuffix(string url, string example)
        {
            if (url.EndsWith("{{1}}", StringComparison.Ordinal))
            {
                var prefix = url[..^"{{1}}".Length];
                if (prefix.Length > 0 && example.StartsWith(prefix, StringComparison.Ordinal) && example.Length > prefix.Length)
                {
                    return example[prefix.Length..];
                }
            }

            return example;
        }

        /// <summary><c>body_text</c> as Meta's nested <c>[["a","b"]]</c>, or leniently a flat <c>["a","b"]</c>.</summary>
        private List<string> BodyExamples(JsonObject example, string path)
        {
            if (!example.TryGetPropertyValue("body_text", out var node) || node is null)
            {
                return [];
            }

            if (node is not JsonArray outer)
            {
                Fail($"{path} must be an array of example values, like [[\"Ana\",\"#1234\"]].");
                return [];
            }

            if (outer.Count == 0)
            {
                return [];
            }

            if (outer[0] is JsonArray)
            {
                if (outer.Count > 1)
                {
                    Fail($"{path} must hold one list of example values, like [[\"Ana\",\"#1234\"]].");
                    return [];
                }

                return ReadStrings(outer[0]!.AsArray(), $"{path}[0]") ?? [];
            }

            return ReadStrings(outer, path) ?? [];
        }

        private List<NamedParameterExample> NamedList(JsonObject json, string key, string path)
        {
            var array = Array(json, key, path, MaxExamples);
            var list = new List<NamedParameterExample>();
            for (var i = 0; array is not null && i < array.Count && Error is null; i++)
            {
                if (array[i] is not JsonObject item)
                {
                    Fail($"{path}[{i}] must be an object with param_name and example.");
                    break;
                }

                list.Add(new NamedParameterExample(
                    String(item, "param_name", $"{path}[{i}].param_name") ?? string.Empty,
                    String(item, "example", $"{path}[{i}].example") ?? string.Empty));
            }

            return list;
        }

        private List<string>? StringList(JsonObject json, string key, string path, bool allowSingle)
        {
            if (!json.TryGetPropertyValue(key, out var node) || node is null)
            {
                return null;
            }

            if (allowSingle && node is JsonValue && node.GetValueKind() == JsonValueKind.String)
            {
                var single = String(json, key, path);
                return single is null ? null : [single];
            }

            if (node is not JsonArray array)
            {
                Fail($"{path} must be an array of strings.");
                return null;
            }

            return ReadStrings(array, path);
        }

        private List<string>? ReadStrings(JsonArray array, string path)
        {
            if (array.Count > MaxExamples)
            {
                Fail($"{path} has {array.Count} items; at most {MaxExamples} are accepted.");
                return null;
            }

            var list = new List<string>(array.Count);
            for (var i = 0; i < array.Count; i++)
            {
                var value = AsString(array[i], $"{path}[{i}]");
                if (value is null)
                {
                    Fail($"{path}[{i}] must be a string.");
                    return null;
                }

                list.Add(value);
            }

            return list;
        }

        private JsonArray? Array(JsonObject json, string key, string path, int max)
        {
            if (!json.TryGetPropertyValue(key, out var node) || node is null)
            {
                return null;
            }

            if (node is not JsonArray array)
            {
                Fail($"{path} must be an array.");
                return null;
            }

            if (array.Count > max)
            {
                Fail($"{path} has {array.Count} items; at most {max} are accepted.");
                return null;
            }

            return array;
        }

        private JsonObject? Object(JsonObject json, string key, string path)
        {
            if (!json.TryGetPropertyValue(key, out var node) || node is null)
            {
                return null;
            }

            if (node is not JsonObject obj)
            {
                Fail($"{path} must be an object.");
                return null;
            }

            return obj;
        }

        private string? String(JsonObject json, string key, string path) =>
            json.TryGetPropertyValue(key, out var node) && node is not null ? AsString(node, path) ?? FailString(path) : null;

        private string? FailString(string path)
        {
            Fail($"{path} must be a string.");
            return null;
        }

        private string? AsString(JsonNode? node, string path)
        {
            if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                return null;
            }

            var text = value.GetValue<string>();
            if (text.Length > MaxStringLength)
            {
                Fail($"{path} is {text.Length} characters; at most {MaxStringLength} are accepted.");
                return string.Empty;
            }

            return text;
        }

        private bool? Bool(JsonObject json, string key, string path)
        {
            if (!json.TryGetPropertyValue(key, out var node) || node is null)
            {
                return null;
            }

            var kind = node is JsonValue ? node.GetValueKind() : JsonValueKind.Undefined;
            if (kind is JsonValueKind.True or JsonValueKind.False)
            {
                return kind == JsonValueKind.True;
            }

            Fail($"{path} must be true or false.");
            return null;
        }

        private int? Int(JsonObject json, string key, string path)
        {
            if (!json.TryGetPropertyValue(key, out var node) || node is null)
            {
                return null;
            }

            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
            {
                if (value.TryGetValue<int>(out var i))
                {
                    return i;
                }

                if (value.TryGetValue<double>(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
                {
                    return (int)d;
                }
            }

            Fail($"{path} must be a whole number.");
            return null;
        }

        private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
    }
}
