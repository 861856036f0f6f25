using Concierge.Skills.Templates;

namespace Concierge.Tests.Skills.Templates.Conversations;

/// <summary>
/// The offline template builder's conversations: single messages and gradual chats in English,
/// Spanish, Portuguese and French, all three categories, requests that must be fixed or questioned,
/// and edits after FINAL. Each case runs as its own test named after the conversation.
/// </summary>
public class TemplateConversationSuite
{
    private const string Ask = "ASK";
    private const string Draft = "DRAFT";
    private const string Final = "FINAL";
    private const string Utility = TemplateCategory.Utility;
    private const string Marketing = TemplateCategory.Marketing;
    private const string Auth = TemplateCategory.Authentication;

    private static readonly ConversationCase[] Cases =
    [
        // ---------- English ----------
        new("en single message: order shipped with tracking URL goes straight to FINAL",
            ("Utility template in English for order shipped with the customer's name and the order number, a tracking button https://shop.example.com/track/{{1}}, no header and no footer",
                new Expect(Final) { Category = Utility, Language = "en_US", Components = "BODY,BUTTONS", Buttons = "URL", Name = "order_shipped", Examples = ["Maria", "#12345"],
                    BodyIs = "Hello {{1}}, your order {{2}} has been shipped. You can track it with the button below. Thank you for your purchase!",
                    PayloadContains = ["\"body_text\":[[\"Maria\",\"#12345\"]]", "\"example\":[\"https://shop.example.com/track/ABC123\"]"] })),

        new("en gradual: appointment reminder, the header suggestion taken with a yes",
            ("Hi, I need a WhatsApp template", new Expect(Ask) { FirstMissing = "purpose", ReplyContains = ["What is the template for?"] }),
            ("It's to remind customers of their appointment at my barbershop", new Expect(Draft) { Category = Utility, Language = "en_US", Components = "BODY", ReplyContains = ["I can add a header, a footer or buttons"] }),
            ("add a header", new Expect(Ask) { FirstMissing = "header_text", ReplyContains = ["Appointment reminder"] }),
            ("yes", new Expect(Draft) { Components = "HEADER,BODY", HeaderText = "Appointment reminder", ReplyLacks = ["I can add"] }),
            ("buttons 'Confirm' and 'Reschedule'", new Expect(Draft) { Components = "HEADER,BODY,BUTTONS", Buttons = "QUICK_REPLY,QUICK_REPLY", BodyContains = ["our barbershop", "{{2}}", "{{3}}"], ReplyContains = ["finalize"] }),
            ("looks good", new Expect(Final) { Category = Utility, Language = "en_US", PayloadContains = ["\"text\":\"Confirm\"", "\"text\":\"Reschedule\""] })),

        new("en single message: OTP template takes Meta's fixed form with the expiry given",
            ("OTP verification code template in English, code expires in 5 minutes",
                new Expect(Final) { Category = Auth, Language = "en_US", Components = "BODY,FOOTER,BUTTONS", Buttons = "OTP",
                    PayloadContains = ["\"add_security_recommendation\":true", "\"code_expiration_minutes\":5", "\"otp_type\":\"COPY_CODE\""] })),

        new("en authentication with custom text: fixed form and the reply says so",
            ("Login code template in English with the body 'Your login code is {{1}}, welcome back' and a header 'Welcome'",
                new Expect(Final) { Category = Auth, Components = "BODY,FOOTER,BUTTONS", ReplyContains = ["fixed form"], PayloadContains = ["\"code_expiration_minutes\":10"] })),

        new("en authentication gradual: default expiry 10, accepted",
            ("I need a verification code template for logins", new Expect(Draft) { Category = Auth, Language = "en_US", ReplyContains = ["10 minutes"] }),
            ("perfect", new Expect(Final) { PayloadContains = ["\"code_expiration_minutes\":10"] })),

        new("en authentication expiry over 90 minutes is set to 90 and said",
            ("Password reset code template in English, the code expires in 120 minutes",
                new Expect(Final) { Category = Auth, ReplyContains = ["90"], PayloadContains = ["\"code_expiration_minutes\":90"] })),

        new("en a 43-character button label is shortened and the fix is stated",
            ("Utility template in English for order updates with a quick reply button \"Talk to a customer service agent now please\", no header, no footer",
                new Expect(Final) { Buttons = "QUICK_REPLY", ReplyContains = ["shortened"], PayloadContains = ["\"text\":\"Talk to a customer\""] })),

        new("en a body ending with a variable gets a closing sentence, stated in the reply",
            ("Utility template in English for order updates, body: Your order number for today is {{1}}, no header, no footer, no buttons",
                new Expect(Final) { BodyIs = "Your order number for today is {{1}}. Thank you!", ReplyContains = ["ended with the variable"], Examples = ["#12345"] })),

        new("en a body starting with a variable gets a greeting",
            ("Utility template in English for table reservations, body: {{1}}, your table for tonight is ready at {{2}} and we are waiting for you., no header, no footer, no buttons",
                new Expect(Final) { BodyContains = ["Hello {{1}}, your table"], ReplyContains = ["started with the variable"] })),

        new("en a phone number without country code is questioned, then fixed",
            ("Appointment reminder for my clinic in English with a call button 555-1234, no header and no footer", new Expect(Ask) { FirstMissing = TemplateRules.ButtonsPhone, ReplyContains = ["+", "country code"] }),
            ("+1 415 555 0123", new Expect(Draft) { Buttons = "PHONE_NUMBER" }),
            ("yes", new Expect(Final) { PayloadContains = ["\"phone_number\":\"+14155550123\""] })),

        new("en a tracking button without a link asks for the link",
            ("order shipped template in English with tracking button, no header, no footer", new Expect(Ask) { FirstMissing = "button_url", ReplyContains = ["https://"] }),
            ("https://example.com/track/{{1}}", new Expect(Draft) { Buttons = "URL", BodyContains = ["track it with the button below"] }),
            ("ok", new Expect(Final) { PayloadContains = ["\"url\":\"https://example.com/track/{{1}}\""] })),

        new("en an unknown purpose gets its category from the words and a body from the description, then the user's body is used",
            ("I need a template for our loyalty program anniversary", new Expect(Draft) { Category = Marketing, BodyContains = ["loyalty program anniversary"], ReplyContains = ["header", "footer", "buttons"] }),
            ("body: Hello {{1}}, thanks for being with us for a whole year! Enjoy a gift on your next visit.", new Expect(Draft) { BodyIs = "Hello {{1}}, thanks for being with us for a whole year! Enjoy a gift on your next visit." }),
            ("footer: Reply STOP to opt out", new Expect(Draft) { Category = Marketing, Components = "BODY,FOOTER", FooterText = "Reply STOP to opt out", BodyIs = "Hello {{1}}, thanks for being with us for a whole year! Enjoy a gift on your next visit." }),
            ("yes", new Expect(Final) { Name = "loyalty_program_anniversary" })),

        new("en edit after FINAL: a new footer makes a new DRAFT, accepted again",
            ("Utility template in English for order shipped, no header, no footer, no buttons", new Expect(Final) { Components = "BODY" }),
            ("make the footer 'Thanks for shopping with us'", new Expect(Draft) { Components = "BODY,FOOTER", FooterText = "Thanks for shopping with us", StartsNewDraft = true }),
            ("yes", new Expect(Final) { Components = "BODY,FOOTER", StartsNewDraft = false, PayloadContains = ["\"text\":\"Thanks for shopping with us\""] })),

        new("en edit after FINAL: remove the button",
            ("Delivery update template in English with a link button https://shop.example.com/orders, no header, no footer", new Expect(Final) { Buttons = "URL" }),
            ("remove the button", new Expect(Draft) { Components = "BODY", StartsNewDraft = true }),
            ("ok", new Expect(Final) { Components = "BODY" })),

        new("en edit after FINAL: in Spanish instead rewrites the body",
            ("Order shipped template in English, no header, no footer, no buttons", new Expect(Final) { Language = "en_US" }),
            ("in Spanish instead", new Expect(Draft) { Language = "es", BodyContains = ["Hola {{1}}", "tu pedido {{2}}"], Examples = ["María", "#12345"] }),
            ("sí", new Expect(Final) { Language = "es", ReplyContains = ["está lista"] })),

        new("en a new template after FINAL starts over and keeps the business",
            ("Promotion template for my gym in English, no header, footer 'Reply STOP to opt out', no buttons", new Expect(Final) { Category = Marketing, BodyContains = ["our gym"] }),
            ("now I need another template for appointment reminders", new Expect(Draft) { Category = Utility, Components = "BODY", BodyContains = ["our gym"] })),

        new("en a header over 60 characters is questioned, then replaced",
            ("Template for order shipped in British English, header \"This is a very long header text that goes well over the sixty character limit\", no footer, no buttons",
                new Expect(Ask) { FirstMissing = TemplateRules.HeaderText, ReplyContains = ["60"] }),
            ("Order on its way", new Expect(Draft) { HeaderText = "Order on its way", Language = "en_GB" }),
            ("yes", new Expect(Final) { Language = "en_GB", PayloadContains = ["\"format\":\"TEXT\""] })),

        new("en a no on the draft asks what to change; removing the footer then accepting",
            ("Order confirmation template for my store", new Expect(Draft) { Components = "BODY" }),
            ("no header, footer 'Thanks for your order', no buttons", new Expect(Draft) { Components = "BODY,FOOTER" }),
            ("no", new Expect(Draft) { ReplyContains = ["What would you like to change in 'order_confirmation'?"] }),
            ("remove the footer", new Expect(Draft) { Components = "BODY" }),
            ("perfect", new Expect(Final) { Components = "BODY" })),

        new("en gibberish on a draft is not taken as a change",
            ("Payment reminder template, no header, no footer, no buttons", new Expect(Draft) { Category = Utility }),
            ("blah blah", new Expect(Draft) { ReplyContains = ["could not tell what to change"] }),
            ("yes", new Expect(Final))),

        new("en marketing without opt-out gets a suggestion only",
            ("Promotion template for my bakery in English with no header, no footer and no buttons",
                new Expect(Final) { Category = Marketing, BodyContains = ["our bakery"], ReplyContains = ["Tip:"] })),

        new("en a bare domain gets https:// and the reply says so",
            ("New collection template for my store in English with a button 'Shop now' mystore.com/new, no header, no footer",
                new Expect(Final) { Category = Marketing, Buttons = "URL", ReplyContains = ["added https://"], PayloadContains = ["\"url\":\"https://mystore.com/new\"", "\"text\":\"Shop now\""] })),

        new("en described variables get realistic examples",
            ("Payment reminder in English with the customer's name, the amount and the due date, no header, no footer, no buttons",
                new Expect(Final) { Examples = ["Maria", "$49.90", "05/15/2026"], BodyContains = ["payment of {{2}}", "due on {{3}}"] })),

        new("en yes to suggested buttons gives quick replies that fit the purpose",
            ("Booking confirmation template for my restaurant", new Expect(Draft) { Components = "BODY", ReplyContains = ["buttons"] }),
            ("add buttons", new Expect(Ask) { FirstMissing = "buttons", ReplyContains = ["Confirm / Reschedule"] }),
            ("yes", new Expect(Draft) { Buttons = "QUICK_REPLY,QUICK_REPLY", BodyContains = ["our restaurant"] }),
            ("great", new Expect(Final) { PayloadContains = ["\"text\":\"Confirm\""] })),

        new("en the user names the template",
            ("Receipt template in English, name it payment_receipt_v2, no header, no footer, no buttons",
                new Expect(Final) { Name = "payment_receipt_v2", Category = Utility })),

        new("en quick replies as a list after a colon",
            ("Promotion template for my salon in English, header 'Summer deal', no footer, buttons: Yes, Stop promotions",
                new Expect(Final) { Buttons = "QUICK_REPLY,QUICK_REPLY", HeaderText = "Summer deal", ReplyLacks = ["Tip:"] })),

        new("en English writer asks for a Portuguese template",
            ("Delivery update template in Brazilian Portuguese, no header, no footer, no buttons",
                new Expect(Final) { Language = "pt_BR", BodyContains = ["Olá, {{1}}!", "saiu para entrega"], ReplyContains = ["is final"] })),

        new("en an unknown purpose named in the first message is composed from the words, quick replies kept, then the user's body",
            ("Template in English for event invitation with buttons 'Yes' 'No' 'Maybe', no header, no footer", new Expect(Final) { Category = Marketing, Buttons = "QUICK_REPLY,QUICK_REPLY,QUICK_REPLY", Name = "event_invitation" }),
            ("body: You are invited to our spring party on Saturday, {{1}}! Reply to let us know if you can come.", new Expect(Draft) { Buttons = "QUICK_REPLY,QUICK_REPLY,QUICK_REPLY", Name = "event_invitation" }),
            ("ok", new Expect(Final) { Category = Marketing })),

        new("en a malformed variable is questioned and the corrected body is used",
            ("Utility template in English, body: Hi {{ 1 }}, your order is ready for pickup today, no header, no footer, no buttons", new Expect(Ask) { FirstMissing = TemplateRules.ParamsSyntax, ReplyContains = ["{{ 1 }}"] }),
            ("Hi {{1}}, your order is ready for pickup today at our store.", new Expect(Draft) { BodyIs = "Hi {{1}}, your order is ready for pickup today at our store.", Examples = ["Maria"] }),
            ("yes", new Expect(Final))),

        new("en edits on a draft: header, call button, header removed, variables described",
            ("Order shipped template, no header, no footer, no buttons", new Expect(Draft) { Components = "BODY" }),
            ("change the header to 'New arrivals'", new Expect(Draft) { Components = "HEADER,BODY", HeaderText = "New arrivals", StartsNewDraft = false }),
            ("add a button 'Call us' +1 415 555 0123", new Expect(Draft) { Buttons = "PHONE_NUMBER", BodyContains = ["call us"] }),
            ("remove the header", new Expect(Draft) { Components = "BODY,BUTTONS" }),
            ("use the customer's name and the delivery date", new Expect(Draft) { BodyContains = ["will arrive on {{2}}"], Examples = ["Maria", "05/15/2026"] }),
            ("add the tracking number", new Expect(Draft) { Examples = ["Maria", "05/15/2026", "1Z999AA10123456784"] }),
            ("looks good", new Expect(Final) { Buttons = "PHONE_NUMBER" })),

        // ---------- Spanish ----------
        new("es single message: the order shipped example of the brief",
            ("Plantilla de utilidad en español para pedido enviado con el nombre del cliente y el número de pedido, botón de seguimiento https://tienda.example.com/rastreo, sin encabezado ni pie de página",
                new Expect(Final) { Category = Utility, Language = "es", Components = "BODY,BUTTONS", Buttons = "URL", Examples = ["María", "#12345"],
                    BodyIs = "Hola {{1}}, tu pedido {{2}} ya fue enviado. Puedes seguirlo con el botón de abajo. ¡Gracias por tu compra!", ReplyContains = ["está lista"] })),

        new("es Mexican Spanish appointment with quick replies",
            ("Plantilla de recordatorio de cita en español de México para mi barbería con el nombre del cliente, la fecha y la hora, sin encabezado, sin pie de página, botones 'Confirmar' y 'Cancelar'",
                new Expect(Final) { Language = "es_MX", Buttons = "QUICK_REPLY,QUICK_REPLY", Examples = ["María", "15/05/2026", "15:00"], BodyContains = ["nuestra barbería"] })),

        new("es gradual marketing in Spanish replies",
            ("Hola, necesito una plantilla", new Expect(Ask) { FirstMissing = "purpose", ReplyContains = ["¿Para qué es la plantilla?"] }),
            ("para una promoción de mi tienda", new Expect(Draft) { Category = Marketing, Language = "es", Components = "BODY", ReplyContains = ["encabezado"] }),
            ("encabezado 'Gran oferta'", new Expect(Draft) { Components = "HEADER,BODY", HeaderText = "Gran oferta", BodyContains = ["nuestra tienda"], ReplyContains = ["borrador", "Sugerencia"] }),
            ("perfecto", new Expect(Final) { Category = Marketing, Language = "es" })),

        new("es authentication with expiry",
            ("Plantilla de código de verificación en español, expira en 15 minutos",
                new Expect(Final) { Category = Auth, Language = "es", PayloadContains = ["\"code_expiration_minutes\":15", "\"text\":\"Copiar código\""] })),

        new("es payment reminder with described variables",
            ("Necesito una plantilla de recordatorio de pago en español con el nombre del cliente, el monto y la fecha, sin encabezado, sin pie y sin botones",
                new Expect(Final) { Examples = ["María", "49,90 €", "15/05/2026"], BodyContains = ["tu pago de {{2}} vence el {{3}}"] })),

        new("es edit after FINAL: quita el botón",
            ("Plantilla de aviso de entrega en español con botón https://tienda.example.com/envios, sin encabezado, sin pie de página", new Expect(Final) { Buttons = "URL" }),
            ("quita el botón", new Expect(Draft) { Components = "BODY", StartsNewDraft = true, ReplyContains = ["borrador"] }),
            ("vale", new Expect(Final) { Components = "BODY" })),

        new("es Spanish writer asks for an English template",
            ("Quiero una plantilla de confirmación de reserva en inglés para mi hotel, sin encabezado, sin pie de página y sin botones",
                new Expect(Final) { Language = "en_US", BodyContains = ["our hotel"], ReplyContains = ["está lista"] })),

        new("es a non-E.164 phone is questioned in Spanish",
            ("Plantilla de recordatorio de pago en español con botón de llamada 555 123 4567, sin encabezado ni pie de página", new Expect(Ask) { FirstMissing = TemplateRules.ButtonsPhone, ReplyContains = ["código de país"] }),
            ("+52 55 1234 5678", new Expect(Draft) { Buttons = "PHONE_NUMBER" }),
            ("de acuerdo", new Expect(Final) { PayloadContains = ["\"phone_number\":\"+525512345678\""] })),

        new("es OTP codes in Spanish: a draft, then accepted",
            ("Necesito una plantilla para enviar códigos OTP", new Expect(Draft) { Category = Auth, Language = "es", ReplyContains = ["borrador", "10 minutos"] }),
            ("sí", new Expect(Final) { Category = Auth, ReplyContains = ["está lista"] })),

        new("es the template language changes mid-draft to Portuguese",
            ("Plantilla de recordatorio de cita para mi clínica, sin encabezado, sin pie, sin botones", new Expect(Draft) { Language = "es", BodyContains = ["nuestra clínica"] }),
            ("cambia el idioma a portugués", new Expect(Draft) { Language = "pt_BR", BodyContains = ["nossa clínica"], ReplyContains = ["borrador"] }),
            ("sí", new Expect(Final) { Language = "pt_BR" })),

        // ---------- Portuguese ----------
        new("pt single message: payment reminder in Brazilian Portuguese",
            ("Preciso de um modelo de lembrete de pagamento com o nome do cliente, o valor e a data de vencimento, sem cabeçalho, sem rodapé e sem botões, em português do Brasil",
                new Expect(Final) { Language = "pt_BR", Examples = ["Maria", "R$ 49,90", "15/05/2026"], ReplyContains = ["está pronto"] })),

        new("pt gradual delivery update",
            ("Olá, preciso de um modelo para avisar que o pedido saiu para entrega", new Expect(Draft) { Language = "pt_BR", Components = "BODY", BodyContains = ["saiu para entrega"], ReplyContains = ["rascunho", "cabeçalho"] }),
            ("pode ser", new Expect(Final) { Category = Utility, Language = "pt_BR" })),

        new("pt authentication in Portuguese",
            ("Modelo de código de verificação para login em português",
                new Expect(Final) { Category = Auth, Language = "pt_BR", PayloadContains = ["\"code_expiration_minutes\":10"] })),

        new("pt European Portuguese order confirmation with a bare domain",
            ("Modelo de confirmação de pedido em português de Portugal, com cabeçalho: Encomenda confirmada, rodapé 'Obrigado pela preferência' e botão de link loja.exemplo.pt/pedido",
                new Expect(Final) { Language = "pt_PT", Components = "HEADER,BODY,FOOTER,BUTTONS", HeaderText = "Encomenda confirmada", FooterText = "Obrigado pela preferência", ReplyContains = ["https://"] })),

        new("pt marketing with a call button",
            ("Quero um modelo de promoção da minha padaria em português, sem cabeçalho, rodapé 'Responda SAIR para não receber mais', com botão de ligar +55 11 98765-4321",
                new Expect(Final) { Category = Marketing, Buttons = "PHONE_NUMBER", BodyContains = ["nossa padaria"], PayloadContains = ["\"phone_number\":\"+5511987654321\""] })),

        new("pt edit after FINAL: new footer text",
            ("Modelo de lembrete de agendamento em português para minha clínica, sem cabeçalho, sem rodapé, sem botões", new Expect(Final) { BodyContains = ["nossa clínica"] }),
            ("coloca o rodapé 'Até breve!'", new Expect(Draft) { FooterText = "Até breve!", StartsNewDraft = true }),
            ("sim", new Expect(Final) { Components = "BODY,FOOTER" })),

        // ---------- French ----------
        new("fr single message: hotel booking with a call button",
            ("Je veux un modèle pour confirmer les réservations de mon hôtel, en français, avec un bouton d'appel +33 1 23 45 67 89, sans en-tête ni pied de page",
                new Expect(Final) { Language = "fr", Buttons = "PHONE_NUMBER", BodyContains = ["notre hôtel"], Examples = ["Marie", "15/05/2026", "15h00"], ReplyContains = ["finalisé"] })),

        new("fr gradual appointment reminder",
            ("Bonjour, je voudrais un modèle", new Expect(Ask) { FirstMissing = "purpose", ReplyContains = ["À quoi sert le modèle"] }),
            ("rappel de rendez-vous pour mon salon de coiffure", new Expect(Draft) { Language = "fr", BodyContains = ["rendez-vous", "notre salon"], ReplyContains = ["brouillon", "en-tête"] }),
            ("d'accord", new Expect(Final) { Language = "fr" })),

        new("fr authentication in French",
            ("Modèle de code de vérification en français, le code expire dans 5 minutes",
                new Expect(Final) { Category = Auth, Language = "fr", PayloadContains = ["\"code_expiration_minutes\":5", "\"text\":\"Copier le code\""] })),

        new("fr marketing with header and footer, no buttons",
            ("Modèle de promotion pour les soldes de ma boutique en français avec en-tête 'Soldes d'été', pied de page 'Répondez STOP pour vous désabonner', sans boutons",
                new Expect(Final) { Category = Marketing, Components = "HEADER,BODY,FOOTER", HeaderText = "Soldes d'été", FooterText = "Répondez STOP pour vous désabonner", ReplyLacks = ["Conseil"] })),

        new("fr Canadian French order shipped with the order number",
            ("Modèle pour commande expédiée en français canadien avec le nom du client et le numéro de commande, sans en-tête, sans pied de page, sans boutons",
                new Expect(Final) { Language = "fr_CA", BodyIs = "Bonjour {{1}}, votre commande {{2}} a été expédiée. Merci pour votre achat !" })),

        new("fr edit after FINAL: enlève le pied de page",
            ("Modèle de confirmation de commande en français avec pied de page 'Merci de votre confiance', sans en-tête, sans boutons", new Expect(Final) { Components = "BODY,FOOTER" }),
            ("enlève le pied de page", new Expect(Draft) { Components = "BODY", StartsNewDraft = true }),
            ("oui", new Expect(Final) { Components = "BODY" })),
    ];

    public static TheoryData<string> Names => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Conversation(string name) => Cases.Single(c => c.Name == name).Run();

    [Fact]
    public void The_suite_covers_enough_conversations_languages_and_categories()
    {
        Assert.True(Cases.Length >= 40, $"{Cases.Length} conversations");
        Assert.Equal(Cases.Length, Cases.Select(c => c.Name).Distinct().Count());
        foreach (var prefix in new[] { "en ", "es ", "pt ", "fr " })
        {
            Assert.Contains(Cases, c => c.Name.StartsWith(prefix, StringComparison.Ordinal));
        }

        foreach (var category in TemplateCategory.All)
        {
            Assert.Contains(Cases, c => c.Turns.Any(t => t.Expect.Category == category));
        }
    }
}
