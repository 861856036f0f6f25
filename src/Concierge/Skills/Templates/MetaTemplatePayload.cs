using System.Text.Json.Nodes;

namespace Concierge.Skills.Templates;

/// <summary>
/// The exact body of <c>POST /{version}/{waba-id}/message_templates</c> for a valid draft:
/// <c>{"name","language","category","parameter_format"?,"components":[...]}</c>, components in the
/// order HEADER, BODY, FOOTER, BUTTONS, examples in Meta's shapes, absent optional parts omitted.
/// <c>parameter_format</c> is sent only for NAMED templates (POSITIONAL is Meta's default).
/// </summary>
public static class MetaTemplatePayload
{
    /// <summary>Builds the payload, checking the draft with Meta's default language list.</summary>
    /// <exception cref="InvalidOperationException">The draft has errors.</exception>
    public static JsonObject Build(TemplateDraft draft) => Build(draft, TemplateValidator.Default);

    /// <summary>Builds the payload, checking the draft with <paramref name="validator"/>.</summary>
    /// <exception cref="InvalidOperationException">The draft has errors.</exception>
    public static JsonObject Build(TemplateDraft draft, TemplateValidator validator)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(validator);
        var errors = validator.Validate(draft).Where(v => v.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"The template draft has {errors.Count} rule error(s) and cannot become a payload: {string.Join(" ", errors.Take(5).Select(e => $"[{e.Code}] {e.Message}"))}");
        }

        var payload = new JsonObject
        {
            ["name"] = draft.Name,
            ["language"] = draft.Language,
            ["category"] = draft.Category,
        };
        var named = draft.ParameterFormat == TemplateParameterFormat.Named && !draft.IsAuthentication;
        if (named)
        {
            payload["parameter_format"] = TemplateDraftJson.FormatName(TemplateParameterFormat.Named);
        }

        var components = new JsonArray();
        if (draft.Header is { } header)
        {
            components.Add(Header(header, named));
        }

        components.Add(draft.IsAuthentication ? AuthBody(draft.Body!) : Body(draft.Body!, named));

        if (draft.Footer is { } footer)
        {
            components.Add(draft.IsAuthentication
                ? new JsonObject { ["type"] = TemplateComponent.FooterType, ["code_expiration_minutes"] = footer.CodeExpirationMinutes }
                : new JsonObject { ["type"] = TemplateComponent.FooterType, ["text"] = footer.Text });
        }

        if (draft.Buttons is { } buttons)
        {
            var array = new JsonArray();
            foreach (var button in buttons.Buttons)
            {
                array.Add(TemplateDraftJson.ButtonToJson(button, forMeta: true));
            }

            components.Add(new JsonObject { ["type"] = TemplateComponent.ButtonsType, ["buttons"] = array });
        }

        payload["components"] = components;
        return payload;
    }

    private static JsonObject Header(HeaderComponent header, bool named)
    {
        var json = new JsonObject { ["type"] = TemplateComponent.HeaderType, ["format"] = header.Format };
        if (header.Format == HeaderFormat.Text)
        {
            json["text"] = header.Text;
            var variables = TemplateText.Variables(header.Text);
            if (variables.Count > 0)
            {
                json["example"] = named
                    ? new JsonObject { ["header_text_named_params"] = NamedExamples(variables, header.NamedExamples) }
                    : new JsonObject { ["header_text"] = TemplateDraftJson.Strings(header.Examples.Take(variables.Count)) };
            }
        }
        else if (HeaderFormat.IsMedia(header.Format))
        {
            json["example"] = new JsonObject { ["header_handle"] = new JsonArray(header.MediaHandle) };
        }

        return json;
    }

    private static JsonObject Body(BodyComponent body, bool named)
    {
        var json = new JsonObject { ["type"] = TemplateComponent.BodyType, ["text"] = body.Text };
        var variables = TemplateText.Variables(body.Text);
        if (variables.Count > 0)
        {
            json["example"] = named
                ? new JsonObject { ["body_text_named_params"] = NamedExamples(variables, body.NamedExamples) }
                : new JsonObject { ["body_text"] = new JsonArray(TemplateDraftJson.Strings(body.Examples.Take(variables.Count))) };
        }

        return json;
    }

    private static JsonObject AuthBody(BodyComponent body)
    {
        var json = new JsonObject { ["type"] = TemplateComponent.BodyType };
        if (body.AddSecurityRecommendation is { } recommend)
        {
            json["add_security_recommendation"] = recommend;
        }

        return json;
    }

    /// <summary>Named examples in order of each variable's first appearance.</summary>
    private static JsonArray NamedExamples(IReadOnlyList<TemplateVariable> variables, IReadOnlyList<NamedParameterExample> examples)
    {
        var ordered = variables.Select(v => v.Name!).Distinct(StringComparer.Ordinal)
            .Select(name => examples.First(e => e.ParamName == name));
        return TemplateDraftJson.NamedParams(ordered);
    }
}
