using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concierge.Conversations;
using Concierge.Models;
using M = Concierge.Skills.Templates.Builder.TemplateMemoryKeys;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// The model's side of the template builder: a prompt with the rules, the state and what is missing,
/// a strict JSON schema for the answer, and a defensive reader of that answer. The model proposes;
/// the skill's Apply decides.
/// </summary>
internal sealed class TemplateModelPrompt(TemplateLanguages languages)
{
    public const string SchemaName = "template_builder_turn";
    private const int MaxAnswerTokens = 1500;

    private const string Rules = """
        You help a business create a WhatsApp message template that Meta will approve. Reply in the language the user writes in.
        Rules (Meta's, checked by the server):
        - category: MARKETING (promotions, offers), UTILITY (orders, shipping, appointments, payments, bookings), AUTHENTICATION (verification codes).
        - language: a Meta code such as en_US, en_GB, es, es_MX, pt_BR, pt_PT, fr.
        - name: lowercase letters, digits and underscores, derived from the purpose.
        - BODY: at most 1024 characters; variables {{1}}, {{2}}... in order; never at the very start or end; never two side by side;
          at least 3 words of text per variable; every variable has a realistic example in example.body_text [["Maria","#12345"]].
        - HEADER (optional): TEXT, at most 60 characters, one variable at most, no emoji, no newline, no * _ ~ `.
        - FOOTER (optional): at most 60 characters, no variables.
        - BUTTONS (optional): labels 1-25 characters; quick replies together; URL buttons https://, at most 2; one PHONE_NUMBER in E.164 (+ and country code).
        - AUTHENTICATION: fixed form only: BODY {"add_security_recommendation": true} with no text, FOOTER {"code_expiration_minutes": 1-90, default 10},
          BUTTONS [{"type":"OTP","otp_type":"COPY_CODE"}]. No header, no custom text: tell the user when they asked for custom text.
        - MARKETING: suggest an opt-out ("Reply STOP to opt out").
        Answer only with the JSON object of the schema:
        - memory_updates: the slots you learned from this message (category, language_pref, business_type, purpose, wants_header, wants_footer,
          wants_buttons, header_text, footer_text, name, code_expiration_minutes); leave out what you do not know. Never guess wants_* the user did not say,
          and never write a header, footer or button text the user did not give: the server drops invented ones.
        - draft: the whole template in the shape {"name","category","language","components":[...]} when you can write one, else null.
        - accepted: true only when the user clearly accepts the draft that was shown to them ("looks good", "ship it", "dale", "pode mandar", "ça me va");
          an acceptance is never a yes to a header, footer or buttons. Optional parts the user did not mention are not wanted.
        - reply: your message to the user, consistent with the draft and what is still missing.
        """;

    public ModelRequest Build(SkillContext context, TemplateState current, IReadOnlyList<string> missing)
    {
        var state = new StringBuilder()
            .AppendLine("Current memory: " + current.Memory.ToJson().ToJsonString())
            .AppendLine("Current draft: " + (current.Draft?.ToJsonString() ?? "null"))
            .AppendLine("Last action: " + (context.Session.LastAction ?? "none"))
            .AppendLine("Still missing (computed by the server, in order): " + (missing.Count == 0 ? "nothing" : string.Join(", ", missing)));
        var messages = new List<ModelMessage>
        {
            new(MessageRole.System, Rules),
            new(MessageRole.System, state.ToString()),
        };
        messages.AddRange(context.History
            .Where(m => m.Role is MessageRole.User or MessageRole.Assistant)
            .TakeLast(10)
            .Select(m => new ModelMessage(m.Role, m.Content)));
        messages.Add(new ModelMessage(MessageRole.User, context.UserText));
        return new ModelRequest(messages, context.Agent.Temperature, new ResponseSchema(SchemaName, Schema()), MaxAnswerTokens);
    }

    /// <summary>The answer as a proposal; null when it is not the JSON the schema asks for.</summary>
    public TemplateProposal? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        JsonObject? answer;
        try
        {
            answer = JsonNode.Parse(StripFence(text)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        if (answer is null
            || answer["memory_updates"] is not (JsonObject or null)
            || answer["accepted"] is not JsonValue accepted || accepted.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)
            || answer["reply"] is not JsonValue reply || reply.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        TemplateDraft? draft = null;
        if (answer["draft"] is JsonObject draftJson)
        {
            if (!TemplateDraftJson.TryParse(draftJson, out draft, out _))
            {
                return null;
            }
        }
        else if (answer["draft"] is not null)
        {
            return null;
        }

        var updates = answer["memory_updates"] is JsonObject given ? (JsonObject)given.DeepClone() : [];
        updates.Remove(M.Pending);

        // The model's optional fields come as JSON null under the strict schema: null there means "not said".
        foreach (var key in updates.Where(u => u.Value is null).Select(u => u.Key).ToList())
        {
            updates.Remove(key);
        }

        if (updates[M.LanguagePref] is not null)
        {
            updates[M.LanguageSource] = "explicit";
        }

        return new TemplateProposal(ProposalSource.Model)
        {
            MemoryUpdates = updates,
            Draft = draft,
            Accepted = accepted.GetValueKind() == JsonValueKind.True,
            Reply = reply.GetValue<string>(),
        };
    }

    private static string StripFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var start = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return start > 0 && end > start ? trimmed[(start + 1)..end] : trimmed;
    }

    /// <summary>The strict schema: every property required, optional ones nullable (OpenAI's strict mode wants that).</summary>
    private JsonObject Schema()
    {
        static JsonObject Nullable(string type) => new() { ["type"] = new JsonArray(type, "null") };
        var memory = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                [M.Category] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["enum"] = new JsonArray(TemplateCategory.Marketing, TemplateCategory.Utility, TemplateCategory.Authentication, null) },
                [M.LanguagePref] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["enum"] = new JsonArray([.. languages.Codes.Select(c => (JsonNode?)c), null]) },
                [M.BusinessType] = Nullable("string"),
                [M.Purpose] = Nullable("string"),
                [M.WantsHeader] = Nullable("boolean"),
                [M.WantsFooter] = Nullable("boolean"),
                [M.WantsButtons] = Nullable("boolean"),
                [M.HeaderText] = Nullable("string"),
                [M.FooterText] = Nullable("string"),
                [M.Name] = Nullable("string"),
                [M.CodeExpirationMinutes] = Nullable("integer"),
            },
        };
        memory["required"] = new JsonArray([.. ((JsonObject)memory["properties"]!).Select(p => (JsonNode?)p.Key)]);

        // The draft is checked by TemplateDraftJson and the validator, not by the schema: components vary too much for strict mode.
        var draft = new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["name"] = new JsonObject { ["type"] = "string" },
                        ["category"] = new JsonObject { ["type"] = "string" },
                        ["language"] = new JsonObject { ["type"] = "string" },
                        ["components"] = new JsonObject { ["type"] = "array", ["items"] = Component() },
                    },
                    ["required"] = new JsonArray("name", "category", "language", "components"),
                },
                new JsonObject { ["type"] = "null" }),
        };

        return new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["memory_updates"] = memory,
                ["draft"] = draft,
                ["accepted"] = new JsonObject { ["type"] = "boolean" },
                ["reply"] = new JsonObject { ["type"] = "string" },
            },
            ["required"] = new JsonArray("memory_updates", "draft", "accepted", "reply"),
        };
    }

    private static JsonObject Component()
    {
        static JsonObject Nullable(string type) => new() { ["type"] = new JsonArray(type, "null") };
        var button = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("QUICK_REPLY", "URL", "PHONE_NUMBER", "OTP") },
                ["text"] = Nullable("string"),
                ["url"] = Nullable("string"),
                ["phone_number"] = Nullable("string"),
                ["otp_type"] = Nullable("string"),
                ["example"] = new JsonObject { ["type"] = new JsonArray("array", "null"), ["items"] = new JsonObject { ["type"] = "string" } },
            },
            ["required"] = new JsonArray("type", "text", "url", "phone_number", "otp_type", "example"),
        };
        return new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("HEADER", "BODY", "FOOTER", "BUTTONS") },
                ["format"] = Nullable("string"),
                ["text"] = Nullable("string"),
                ["add_security_recommendation"] = Nullable("boolean"),
                ["code_expiration_minutes"] = Nullable("integer"),
                ["example"] = new JsonObject
                {
                    ["type"] = new JsonArray("object", "null"),
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["header_text"] = new JsonObject { ["type"] = new JsonArray("array", "null"), ["items"] = new JsonObject { ["type"] = "string" } },
                        ["body_text"] = new JsonObject
                        {
                            ["type"] = new JsonArray("array", "null"),
                            ["items"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                        },
                    },
                    ["required"] = new JsonArray("header_text", "body_text"),
                },
                ["buttons"] = new JsonObject { ["type"] = new JsonArray("array", "null"), ["items"] = button },
            },
            ["required"] = new JsonArray("type", "format", "text", "add_security_recommendation", "code_expiration_minutes", "example", "buttons"),
        };
    }
}
