using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Skills.Templates;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Server.Tests.Templates;

/// <summary>
/// The template builder as a user meets it: the demo agent behind the seed-000 routes, offline and
/// with a model (the fake OpenAI server, through the production SDK path), and its FINAL templates
/// in the tenant's template list.
/// </summary>
public sealed class TemplateBuilderTurnTests
{
    public static TheoryData<string, string, string, string> OneMessageRequests => new()
    {
        { "Utility template in English for order shipped with the customer's name and the order number, a tracking button https://shop.example.com/track/{{1}}, no header and no footer", "en_US", "UTILITY", "BODY,BUTTONS" },
        { "Plantilla de utilidad en español para pedido enviado con el nombre del cliente y el número de pedido, botón de seguimiento https://tienda.example.com/rastreo, sin encabezado ni pie de página", "es", "UTILITY", "BODY,BUTTONS" },
        { "Preciso de um modelo de lembrete de pagamento com o nome do cliente, o valor e a data de vencimento, sem cabeçalho, sem rodapé e sem botões, em português do Brasil", "pt_BR", "UTILITY", "BODY" },
        { "Je veux un modèle pour confirmer les réservations de mon hôtel, en français, avec un bouton d'appel +33 1 23 45 67 89, sans en-tête ni pied de page", "fr", "UTILITY", "BODY,BUTTONS" },
        { "OTP verification code template in English, code expires in 5 minutes", "en_US", "AUTHENTICATION", "BODY,FOOTER,BUTTONS" },
    };

    [Theory]
    [MemberData(nameof(OneMessageRequests))]
    public async Task One_message_offline_gives_a_valid_final_payload_that_is_listed_as_a_template(string message, string language, string category, string components)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();
        var id = await client.NewSessionAsync();

        var reply = await client.PostJsonAsync("/chat", new { message, session_id = id });
        var templates = (await client.GetJsonAsync("/api/v1/templates"))["templates"]!.AsArray();
        var debug = await client.GetJsonAsync($"/session/{id}/debug");
        var history = await client.GetJsonAsync($"/session/{id}");

        Assert.Equal("FINAL", (string?)reply["action"]);
        var payload = reply["final_creation_payload"]!.AsObject();
        Assert.Equal(language, (string?)payload["language"]);
        Assert.Equal(category, (string?)payload["category"]);
        Assert.Equal(components, string.Join(',', payload["components"]!.AsArray().Select(c => (string)c!["type"]!)));
        AssertPassesTheValidator(reply["draft"]!);

        var listed = Assert.Single(templates);
        Assert.Equal("DRAFT", (string?)listed!["status"]);
        Assert.True(JsonNode.DeepEquals(payload, listed["payload"]));
        Assert.Equal(id, (string?)listed["session_id"]);
        Assert.Equal(category, (string?)debug["memory"]!["category"]);
        Assert.Equal(language, (string?)debug["memory"]!["language_pref"]);
        Assert.NotNull(debug["session_info"]!["active_draft_id"]);
        Assert.True(JsonNode.DeepEquals(payload, debug["final_creation_payload"]));
        Assert.True(JsonNode.DeepEquals(payload, history["final_creation_payload"]));
        Assert.True(JsonNode.DeepEquals(reply["draft"], history["current_draft"]));
    }

    [Fact]
    public async Task A_gradual_conversation_asks_shows_a_draft_and_finalizes_on_yes_without_duplicating_the_template()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();
        var id = await client.NewSessionAsync();

        var first = await client.PostJsonAsync("/chat", new { message = "Hi, I need a WhatsApp template", session_id = id });
        Assert.Equal("ASK", (string?)first["action"]);
        Assert.Contains("purpose", first["missing"]!.AsArray().Select(m => (string)m!));

        await client.PostJsonAsync("/chat", new { message = "Utility template in English for order shipped, no header, no footer, no buttons", session_id = id });
        await client.PostJsonAsync("/chat", new { message = "thanks!", session_id = id });
        var history = await client.GetJsonAsync($"/session/{id}");

        Assert.Equal("FINAL", (string?)history["last_action"]);
        Assert.NotNull(history["current_draft"]);
        Assert.Single((await client.GetJsonAsync("/api/v1/templates"))["templates"]!.AsArray());
    }

    [Fact]
    public async Task With_a_model_a_good_answer_is_used_and_a_bad_one_falls_back_to_the_offline_interpreter()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-template-builder",
            ["OPENAI_BASE_URL"] = model.BaseUrl.ToString(),
            ["REQUEST_TIMEOUT"] = "3",
        });
        var client = app.OperatorClient();

        model.Reply("""
            {"memory_updates": {"category":"UTILITY","language_pref":"en_US","purpose":"order shipped","wants_header":false,"wants_footer":true,"wants_buttons":false},
             "draft": {"name":"order_shipped","category":"UTILITY","language":"en_US","components":[
               {"type":"BODY","text":"Hi {{1}}, your order {{2}} is on its way. Thanks for shopping with us!","example":{"body_text":[["Maria","#12345"]]}},
               {"type":"FOOTER","text":"Questions? Just reply to this message."}]},
             "accepted": false, "reply": "Here is your template."}
            """);
        var good = await client.PostJsonAsync($"/api/v1/sessions/{await client.NewSessionAsync()}/messages", new { message = "Order shipped template in English with the footer 'Questions? Just reply to this message.'" });

        model.Reply("""{"memory_updates": {}, "draft": {"name":"x","category":"UTILITY","language":"en_US","components":[{"type":"FOOTER","text":"no body at all"}]}, "accepted": true, "reply": "Final!"}""");
        var ruleBreaking = await client.PostJsonAsync($"/api/v1/sessions/{await client.NewSessionAsync()}/messages", new { message = "Utility template in English for order shipped, no header, no footer, no buttons" });

        model.Reply("this is not JSON at all");
        var malformed = await client.PostJsonAsync($"/api/v1/sessions/{await client.NewSessionAsync()}/messages", new { message = "Utility template in English for order shipped, no header, no footer, no buttons" });

        Assert.Equal("model", (string?)good["source"]);
        Assert.Equal("FINAL", (string?)good["action"]);
        Assert.Equal("Hi {{1}}, your order {{2}} is on its way. Thanks for shopping with us!", (string?)good["final_creation_payload"]!["components"]![0]!["text"]);
        Assert.Equal("json_schema", (string?)model.Requests[0].Body!["response_format"]!["type"]);

        Assert.Equal("fallback", (string?)ruleBreaking["source"]);
        Assert.Equal("fallback", (string?)malformed["source"]);
        foreach (var turn in new[] { ruleBreaking, malformed })
        {
            Assert.Equal("FINAL", (string?)turn["action"]);
            AssertPassesTheValidator(turn["draft"]!);
        }
    }

    private static void AssertPassesTheValidator(JsonNode draftJson)
    {
        Assert.True(TemplateDraftJson.TryParse(draftJson, out var draft, out var error), error);
        Assert.DoesNotContain(TemplateValidator.Default.Validate(draft!), v => v.IsError);
    }
}
