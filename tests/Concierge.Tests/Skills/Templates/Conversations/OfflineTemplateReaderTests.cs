using System.Text.Json.Nodes;
using Concierge.Skills.Templates;
using Concierge.Skills.Templates.Builder;

namespace Concierge.Tests.Skills.Templates.Conversations;

/// <summary>The offline reader's single-message rules, one behaviour per case.</summary>
public class OfflineTemplateReaderTests
{
    private readonly OfflineTemplateReader _reader = new();

    private JsonObject Read(string text, TemplateMemory? memory = null) => _reader.Read(text, memory ?? TemplateMemory.Empty).MemoryUpdates;

    [Theory]
    [InlineData("template for our summer sale", "MARKETING")]
    [InlineData("plantilla para descuentos de fin de semana", "MARKETING")]
    [InlineData("modelo de promoção da loja", "MARKETING")]
    [InlineData("modèle pour les soldes", "MARKETING")]
    [InlineData("shipping update template", "UTILITY")]
    [InlineData("recordatorio de citas", "UTILITY")]
    [InlineData("lembrete de pagamento", "UTILITY")]
    [InlineData("confirmation de réservation", "UTILITY")]
    [InlineData("one-time password for login", "AUTHENTICATION")]
    [InlineData("código de verificación", "AUTHENTICATION")]
    [InlineData("código de verificação", "AUTHENTICATION")]
    [InlineData("code de vérification", "AUTHENTICATION")]
    public void The_category_follows_the_purpose_in_four_languages(string text, string category) =>
        Assert.Equal(category, Read(text)["category"]?.GetValue<string>());

    [Theory]
    [InlineData("order shipped template in Spanish", "es")]
    [InlineData("plantilla de pedido enviado en español de México", "es_MX")]
    [InlineData("order shipped template in British English", "en_GB")]
    [InlineData("modelo de pedido enviado em português", "pt_BR")]
    [InlineData("modelo em português do Brasil", "pt_BR")]
    [InlineData("modelo brasileiro de lembrete", "pt_BR")]
    [InlineData("modèle de rappel en français", "fr")]
    [InlineData("plantilla de recordatorio en inglés", "en_US")]
    [InlineData("template with language es-AR", "es_AR")]
    public void A_named_language_becomes_a_meta_code(string text, string code)
    {
        var updates = Read(text);

        Assert.Equal(code, updates["language_pref"]?.GetValue<string>());
        Assert.Equal("explicit", updates["language_source"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("I need a template for my shop", "en")]
    [InlineData("Necesito una plantilla para mi tienda", "es")]
    [InlineData("Preciso de um modelo para a minha loja", "pt")]
    [InlineData("Je veux un modèle pour ma boutique", "fr")]
    public void The_reply_language_is_the_one_the_user_writes_in(string text, string language) =>
        Assert.Equal(language, Read(text)["reply_language"]?.GetValue<string>());

    [Theory]
    [InlineData("no header, no footer and no buttons", false, false, false)]
    [InlineData("sin encabezado ni pie de página ni botones", false, false, false)]
    [InlineData("sem cabeçalho, sem rodapé e sem botões", false, false, false)]
    [InlineData("sans en-tête ni pied de page, sans boutons", false, false, false)]
    [InlineData("with a header and a footer but no buttons", true, true, false)]
    [InlineData("just the body", false, false, false)]
    public void Component_wishes_read_negation_scopes(string text, bool header, bool footer, bool buttons)
    {
        var updates = Read(text);

        Assert.Equal(header, updates["wants_header"]?.GetValue<bool>());
        Assert.Equal(footer, updates["wants_footer"]?.GetValue<bool>());
        Assert.Equal(buttons, updates["wants_buttons"]?.GetValue<bool>());
    }

    [Fact]
    public void Quoted_texts_go_to_the_component_named_before_them()
    {
        var updates = Read("header 'Big news', footer “Reply STOP to opt out” and buttons «Yes» and 'No'");

        Assert.Equal("Big news", updates["header_text"]?.GetValue<string>());
        Assert.Equal("Reply STOP to opt out", updates["footer_text"]?.GetValue<string>());
        Assert.Equal(["Yes", "No"], updates["buttons"]!.AsArray().Select(b => b!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void Urls_and_phone_numbers_become_buttons()
    {
        var buttons = Read("a button https://example.com/track and a call button +44 20 7946 0958")["buttons"]!.AsArray();

        Assert.Equal("URL", buttons[0]!["type"]!.GetValue<string>());
        Assert.Equal("https://example.com/track", buttons[0]!["url"]!.GetValue<string>());
        Assert.Equal("PHONE_NUMBER", buttons[1]!["type"]!.GetValue<string>());
        Assert.Equal("+442079460958", buttons[1]!["phone_number"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("with the customer's name and the order number", "customer_name,order_number")]
    [InlineData("con el nombre del cliente y el número de pedido", "customer_name,order_number")]
    [InlineData("com o nome do cliente, a data e a hora", "customer_name,date,time")]
    [InlineData("avec le nom du client et le montant", "customer_name,amount")]
    public void Described_variables_are_read(string text, string kinds) =>
        Assert.Equal(kinds, string.Join(",", Read(text)["variables"]!.AsArray().Select(v => v!.GetValue<string>())));

    [Theory]
    [InlineData("code expires in 5 minutes", 5)]
    [InlineData("el código expira en 15 minutos", 15)]
    [InlineData("o código expira em 30 minutos", 30)]
    [InlineData("le code expire dans 2 minutes", 2)]
    public void The_code_expiry_is_read(string text, int minutes) =>
        Assert.Equal(minutes, Read(text, new TemplateMemory { Category = TemplateCategory.Authentication })["code_expiration_minutes"]?.GetValue<int>());

    [Theory]
    [InlineData("yes")]
    [InlineData("looks good")]
    [InlineData("sí, perfecto")]
    [InlineData("pode ser")]
    [InlineData("d'accord")]
    [InlineData("oui")]
    public void A_yes_on_a_shown_draft_accepts_it(string text) =>
        Assert.True(_reader.Read(text, new TemplateMemory { Pending = "confirm" }).Accepted);

    [Theory]
    [InlineData("")]
    [InlineData("🎉🎉🎉")]
    [InlineData("{{")]
    [InlineData("'")]
    [InlineData("\"unterminated quote")]
    [InlineData("header: ")]
    [InlineData("buttons: , , ,")]
    public void Odd_messages_do_not_throw(string text)
    {
        var skill = new TemplateSkill();
        var harness = new ConversationHarness(skill);

        // Decided without a commit: the pipeline's edge refuses an empty message, the reader must not throw on it.
        var outcome = harness.Apply(text, skill.ProposeOffline(harness.Context(text)));

        Assert.Equal(TemplateSkill.AskAction, outcome.Action);
    }

    [Fact]
    public void A_question_asked_back_is_not_taken_as_the_header()
    {
        var harness = new ConversationHarness();
        harness.Say("Order shipped template");

        var outcome = harness.Say("what does a header look like?");

        Assert.Equal(TemplateSkill.DraftAction, outcome.Action);
        Assert.Null(outcome.Memory.WantsHeader);
        Assert.Null(outcome.Memory.HeaderText);
    }

    [Fact]
    public void A_long_message_is_read_quickly()
    {
        var text = string.Concat(Enumerable.Repeat("order shipped 'x' with header: y, footer \"z\" +1 415 555 0123 https://a.example.com {{1}} ", 25));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        _ = new ConversationHarness().Say(text);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}
