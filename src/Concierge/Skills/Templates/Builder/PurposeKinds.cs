namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// One purpose the offline composer can write a body for. <see cref="Sentences"/> hold the main
/// sentence per language in the composer's small syntax: <c>{order_number}</c> is a variable,
/// <c>{@business}</c> the business ("our barbershop"), <c>[...]</c> a part kept only when its variables
/// are known, <c>[A|B]</c> A when possible, else B.
/// </summary>
internal sealed record PurposeKind(
    string Key,
    string Category,
    string[] Keywords,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> DefaultVariables,
    IReadOnlyDictionary<string, string> Sentences,
    IReadOnlyDictionary<string, string> Closings,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> UrlLines,
    IReadOnlyDictionary<string, string> UrlLabels);

/// <summary>The purposes the offline interpreter recognises, most specific first.</summary>
internal static class PurposeKinds
{
    public const string Verification = "verification_code";

    private static Dictionary<string, string> L(string en, string es, string pt, string fr) =>
        new() { ["en"] = en, ["es"] = es, ["pt"] = pt, ["fr"] = fr };

    private static readonly Dictionary<string, string> GenericUrlLine = L(
        "Tap the button below for more details.",
        "Toca el botón de abajo para ver más detalles.",
        "Toque no botão abaixo para ver mais detalhes.",
        "Appuyez sur le bouton ci-dessous pour en savoir plus.");

    private static readonly Dictionary<string, string> GenericUrlLabel = L("See details", "Ver detalles", "Ver detalhes", "Voir les détails");

    public static IReadOnlyDictionary<string, string> PhoneLines { get; } = L(
        "Tap the button below to call us.",
        "Toca el botón de abajo para llamarnos.",
        "Toque no botão abaixo para nos ligar.",
        "Appuyez sur le bouton ci-dessous pour nous appeler.");

    public static IReadOnlyDictionary<string, string> PhoneLabels { get; } = L("Call us", "Llámanos", "Ligar para nós", "Nous appeler");

    public static IReadOnlyDictionary<string, string> CopyCodeLabels { get; } = L("Copy code", "Copiar código", "Copiar código", "Copier le code");

    public static IReadOnlyList<PurposeKind> All { get; } =
    [
        new(Verification, TemplateCategory.Authentication,
            ["otp", "verification code", "verification", "verify", "one-time", "one time password", "one-time password", "login code", "log in", "login", "password", "2fa", "two-factor", "two factor", "authentication code", "passcode", "security code", "codigo de verificacion", "verificacion", "verificar", "contrasena", "inicio de sesion", "codigo de acceso", "codigo de seguridad", "codigo de verificacao", "verificacao", "senha", "codigo de acesso", "codigo de seguranca", "code de verification", "mot de passe", "connexion", "code de securite", "code a usage unique", "code de connexion", "authentification", "autenticacion", "autenticacao"],
            L("verification code", "código de verificación", "código de verificação", "code de vérification"),
            [], L("", "", "", ""), L("", "", "", ""), L("", "", "", ""), GenericUrlLine, GenericUrlLabel),
        new("promotion", TemplateCategory.Marketing,
            ["offer", "offers", "discount", "discounts", "sale", "sales", "promo", "promotion", "promotions", "promotional", "deal", "deals", "coupon", "black friday", "cyber monday", "oferta", "ofertas", "descuento", "descuentos", "rebaja", "rebajas", "promocion", "promociones", "promocional", "cupon", "liquidacion", "desconto", "descontos", "promocao", "promocoes", "cupom", "liquidacao", "offre", "offres", "reduction", "reductions", "remise", "soldes", "promotionnelle"],
            L("special offer", "oferta especial", "oferta especial", "offre spéciale"),
            [VariableKinds.CustomerName],
            L("this week only, enjoy [{discount} off|a special discount][ at {@business}]. [Use the code {code} at checkout. ]Come and see us",
              "solo esta semana, disfruta de [un {discount} de descuento|un descuento especial][ en {@business}]. [Usa el código {code} al pagar. ]Te esperamos",
              "só esta semana, aproveite [{discount} de desconto|um desconto especial][ em {@business}]. [Use o cupom {code} na compra. ]Esperamos por você",
              "cette semaine seulement, profitez [de {discount} de réduction|d'une réduction spéciale][ dans {@business}]. [Utilisez le code {code} lors de votre achat. ]Nous vous attendons"),
            L("Don't miss it!", "¡No te lo pierdas!", "Não perca!", "Ne manquez pas ça !"),
            L("A special offer for you", "Una oferta especial para ti", "Uma oferta especial para você", "Une offre spéciale pour vous"),
            L("Tap the button below to see the offer.", "Toca el botón de abajo para ver la oferta.", "Toque no botão abaixo para ver a oferta.", "Appuyez sur le bouton ci-dessous pour voir l'offre."),
            L("See the offer", "Ver la oferta", "Ver a oferta", "Voir l'offre")),
        new("new_collection", TemplateCategory.Marketing,
            ["new collection", "new arrivals", "new product", "new products", "nueva coleccion", "nuevo producto", "nuevos productos", "lanzamiento", "novedades", "nova colecao", "novo produto", "novos produtos", "lancamento", "novidades", "nouvelle collection", "nouveau produit", "nouveaux produits", "lancement", "nouveautes"],
            L("new collection", "nueva colección", "nova coleção", "nouvelle collection"),
            [VariableKinds.CustomerName],
            L("our new collection has just arrived[ at {@business}][ with prices from {amount}]. Come and discover it",
              "ya llegó la nueva colección[ a {@business}][ con precios desde {amount}]. Ven a descubrirla",
              "a nova coleção acabou de chegar[ em {@business}][ com preços a partir de {amount}]. Venha conhecer",
              "notre nouvelle collection vient d'arriver[ dans {@business}][ à partir de {amount}]. Venez la découvrir"),
            L("See you soon!", "¡Te esperamos!", "Até logo!", "À très vite !"),
            L("Our new collection is here", "Llegó nuestra nueva colección", "Chegou nossa nova coleção", "Notre nouvelle collection est là"),
            GenericUrlLine,
            L("See the collection", "Ver la colección", "Ver a coleção", "Voir la collection")),
        new("receipt", TemplateCategory.Utility,
            ["receipt", "recibo", "comprobante", "comprovante", "recu"],
            L("payment receipt", "recibo de pago", "recibo de pagamento", "reçu de paiement"),
            [VariableKinds.CustomerName, VariableKinds.Amount],
            L("thank you for your payment[ of {amount}][ for order {order_number}]. This message is your receipt",
              "gracias por tu pago[ de {amount}][ del pedido {order_number}]. Este mensaje es tu comprobante",
              "obrigado pelo seu pagamento[ de {amount}][ referente ao pedido {order_number}]. Esta mensagem é o seu comprovante",
              "merci pour votre paiement[ de {amount}][ pour la commande {order_number}]. Ce message vaut reçu"),
            L("We appreciate your business!", "¡Gracias por tu preferencia!", "Agradecemos a preferência!", "Merci de votre confiance !"),
            L("Payment received", "Pago recibido", "Pagamento recebido", "Paiement reçu"),
            GenericUrlLine, L("See receipt", "Ver recibo", "Ver recibo", "Voir le reçu")),
        new("payment_reminder", TemplateCategory.Utility,
            ["payment", "payments", "invoice", "bill", "installment", "pago", "pagos", "factura", "cuota", "cuotas", "mensualidad", "vencimiento", "pagamento", "pagamentos", "fatura", "boleto", "mensalidade", "parcela", "prestacao", "vencimento", "paiement", "facture", "echeance", "mensualite"],
            L("payment reminder", "recordatorio de pago", "lembrete de pagamento", "rappel de paiement"),
            [VariableKinds.CustomerName, VariableKinds.Amount, VariableKinds.Date],
            L("this is a friendly reminder that your payment[ of {amount}] [is due on {date}|is due soon]. If you have already paid, please ignore this message",
              "te recordamos que tu pago[ de {amount}] [vence el {date}|vence pronto]. Si ya pagaste, ignora este mensaje",
              "lembramos que seu pagamento[ de {amount}] [vence em {date}|vence em breve]. Se você já pagou, desconsidere esta mensagem",
              "nous vous rappelons que votre paiement[ de {amount}] [arrive à échéance le {date}|arrive bientôt à échéance]. Si vous avez déjà payé, ignorez ce message"),
            L("Thank you!", "¡Gracias!", "Obrigado!", "Merci !"),
            L("Payment reminder", "Recordatorio de pago", "Lembrete de pagamento", "Rappel de paiement"),
            L("Tap the button below to pay.", "Toca el botón de abajo para pagar.", "Toque no botão abaixo para pagar.", "Appuyez sur le bouton ci-dessous pour payer."),
            L("Pay now", "Pagar ahora", "Pagar agora", "Payer maintenant")),
        new("order_shipped", TemplateCategory.Utility,
            ["shipped", "shipping", "shipment", "dispatched", "on its way", "tracking", "track", "enviado", "envio", "despachado", "en camino", "seguimiento", "a caminho", "rastreio", "rastreamento", "rastrear", "expedie", "expediee", "expedition", "en route"],
            L("order shipped", "pedido enviado", "pedido enviado", "commande expédiée"),
            [VariableKinds.CustomerName, VariableKinds.OrderNumber],
            L("your order[ {order_number}] has been shipped[ and will arrive on {date}]",
              "tu pedido[ {order_number}] ya fue enviado[ y llegará el {date}]",
              "seu pedido[ {order_number}] foi enviado[ e chegará em {date}]",
              "votre commande[ {order_number}] a été expédiée[ et arrivera le {date}]"),
            L("Thank you for your purchase!", "¡Gracias por tu compra!", "Obrigado pela sua compra!", "Merci pour votre achat !"),
            L("Your order is on its way", "Tu pedido está en camino", "Seu pedido está a caminho", "Votre commande est en route"),
            L("You can track it with the button below.", "Puedes seguirlo con el botón de abajo.", "Você pode acompanhá-lo pelo botão abaixo.", "Vous pouvez la suivre avec le bouton ci-dessous."),
            L("Track order", "Seguir pedido", "Rastrear pedido", "Suivre ma commande")),
        new("delivery_update", TemplateCategory.Utility,
            ["delivery", "deliveries", "delivered", "out for delivery", "entrega", "entregas", "entregado", "reparto", "entregue", "livraison", "livree"],
            L("delivery update", "aviso de entrega", "aviso de entrega", "avis de livraison"),
            [VariableKinds.CustomerName, VariableKinds.OrderNumber],
            L("your order[ {order_number}] is out for delivery[ and will arrive on {date}][ at {time}]",
              "tu pedido[ {order_number}] está en reparto[ y llegará el {date}][ a las {time}]",
              "seu pedido[ {order_number}] saiu para entrega[ e chegará em {date}][ às {time}]",
              "votre commande[ {order_number}] est en cours de livraison[ et arrivera le {date}][ à {time}]"),
            L("Thank you for shopping with us!", "¡Gracias por comprar con nosotros!", "Obrigado por comprar com a gente!", "Merci pour votre confiance !"),
            L("Your order is arriving", "Tu pedido está por llegar", "Seu pedido está chegando", "Votre commande arrive"),
            L("You can follow it with the button below.", "Puedes seguirlo con el botón de abajo.", "Você pode acompanhá-lo pelo botão abaixo.", "Vous pouvez la suivre avec le bouton ci-dessous."),
            L("Track delivery", "Seguir entrega", "Acompanhar entrega", "Suivre la livraison")),
        new("order_confirmation", TemplateCategory.Utility,
            ["order confirmation", "order confirmed", "confirm order", "confirm the order", "new order", "order received", "purchase confirmation", "confirmacion de pedido", "confirmacion del pedido", "pedido confirmado", "confirmar pedido", "confirmacao de pedido", "confirmacao do pedido", "confirmation de commande", "commande confirmee", "confirmer la commande"],
            L("order confirmation", "confirmación de pedido", "confirmação de pedido", "confirmation de commande"),
            [VariableKinds.CustomerName, VariableKinds.OrderNumber],
            L("we have received your order[ {order_number}][ for {amount}]. We will let you know as soon as it ships",
              "recibimos tu pedido[ {order_number}][ por {amount}]. Te avisaremos en cuanto sea enviado",
              "recebemos seu pedido[ {order_number}][ no valor de {amount}]. Avisaremos assim que ele for enviado",
              "nous avons bien reçu votre commande[ {order_number}][ d'un montant de {amount}]. Nous vous préviendrons dès son expédition"),
            L("Thank you for your purchase!", "¡Gracias por tu compra!", "Obrigado pela sua compra!", "Merci pour votre achat !"),
            L("Order confirmed", "Pedido confirmado", "Pedido confirmado", "Commande confirmée"),
            GenericUrlLine, L("See order", "Ver pedido", "Ver pedido", "Voir la commande")),
        new("appointment_reminder", TemplateCategory.Utility,
            ["appointment", "appointments", "cita", "citas", "consulta", "consultas", "turno", "turnos", "hora medica", "su hora", "tu hora", "agendamento", "horario marcado", "marcacao", "marcacoes", "rendez vous", "rendez-vous", "rdv", "reminder", "reminders", "recordatorio", "lembrete", "rappel"],
            L("appointment reminder", "recordatorio de cita", "lembrete de agendamento", "rappel de rendez-vous"),
            [VariableKinds.CustomerName, VariableKinds.Date, VariableKinds.Time],
            L("this is a reminder of your appointment[ at {@business}][ on {date}][ at {time}]. Reply to this message if you need to reschedule",
              "te recordamos tu cita[ en {@business}][ el {date}][ a las {time}]. Responde a este mensaje si necesitas cambiarla",
              "lembramos do seu agendamento[ em {@business}][ no dia {date}][ às {time}]. Responda a esta mensagem se precisar remarcar",
              "nous vous rappelons votre rendez-vous[ dans {@business}][ le {date}][ à {time}]. Répondez à ce message si vous devez le déplacer"),
            L("See you soon!", "¡Te esperamos!", "Até breve!", "À bientôt !"),
            L("Appointment reminder", "Recordatorio de cita", "Lembrete de agendamento", "Rappel de rendez-vous"),
            GenericUrlLine, L("Manage appointment", "Gestionar cita", "Gerenciar agendamento", "Gérer le rendez-vous")),
        new("booking_confirmation", TemplateCategory.Utility,
            ["booking", "bookings", "reservation", "reservations", "reserva", "reservas", "reservacion", "reservaciones", "reservation de table"],
            L("booking confirmation", "confirmación de reserva", "confirmação de reserva", "confirmation de réservation"),
            [VariableKinds.CustomerName, VariableKinds.Date, VariableKinds.Time],
            L("your reservation[ at {@business}][ for {date}][ at {time}] is confirmed. Reply to this message if you need to change it",
              "tu reserva[ en {@business}][ para el {date}][ a las {time}] está confirmada. Responde a este mensaje si necesitas cambiarla",
              "sua reserva[ em {@business}][ para {date}][ às {time}] está confirmada. Responda a esta mensagem se precisar alterá-la",
              "votre réservation[ dans {@business}][ pour le {date}][ à {time}] est confirmée. Répondez à ce message si vous devez la modifier"),
            L("We look forward to seeing you!", "¡Te esperamos!", "Esperamos por você!", "Au plaisir de vous accueillir !"),
            L("Reservation confirmed", "Reserva confirmada", "Reserva confirmada", "Réservation confirmée"),
            GenericUrlLine, L("Manage booking", "Gestionar reserva", "Gerenciar reserva", "Gérer la réservation")),
        new("order_update", TemplateCategory.Utility,
            ["order", "orders", "pedido", "pedidos", "orden", "commande", "commandes", "purchase", "compra", "achat"],
            L("order update", "actualización de pedido", "atualização de pedido", "mise à jour de commande"),
            [VariableKinds.CustomerName, VariableKinds.OrderNumber],
            L("there is an update on your order[ {order_number}]. Reply to this message if you have any questions",
              "hay una novedad sobre tu pedido[ {order_number}]. Responde a este mensaje si tienes alguna pregunta",
              "há uma atualização sobre o seu pedido[ {order_number}]. Responda a esta mensagem se tiver alguma dúvida",
              "il y a du nouveau concernant votre commande[ {order_number}]. Répondez à ce message si vous avez des questions"),
            L("Thank you!", "¡Gracias!", "Obrigado!", "Merci !"),
            L("Order update", "Novedades de tu pedido", "Atualização do pedido", "Suivi de commande"),
            GenericUrlLine, L("See order", "Ver pedido", "Ver pedido", "Voir la commande")),
    ];

    public static PurposeKind? Find(string? key) => All.FirstOrDefault(k => k.Key == key);

    /// <summary>The first purpose whose keywords occur (list order decides between several).</summary>
    public static PurposeKind? Recognise(string folded) => All.FirstOrDefault(k => TextScan.HasAny(folded, k.Keywords));

    public static string Pick(IReadOnlyDictionary<string, string> table, string baseLanguage) =>
        table.TryGetValue(baseLanguage, out var text) ? text : table["en"];
}

/// <summary>Business types the reader recognises, with "our X" in each language for the composer.</summary>
internal static class BusinessTypes
{
    private static readonly (string Key, string[] Keywords, string En, string Es, string Pt, string Fr)[] Table =
    [
        ("restaurant", ["restaurant", "restaurante", "cafe", "cafeteria", "bistro", "pizzeria", "hibachi", "catering"], "our restaurant", "nuestro restaurante", "nosso restaurante", "notre restaurant"),
        ("barbershop", ["barbershop", "barber shop", "barber", "barberia", "barbearia", "barbier", "salon de barbier"], "our barbershop", "nuestra barbería", "nossa barbearia", "notre salon de barbier"),
        ("salon", ["salon", "beauty salon", "hair salon", "salon de belleza", "peluqueria", "salao", "salao de beleza", "salon de coiffure", "coiffeur", "nail salon"], "our salon", "nuestro salón", "nosso salão", "notre salon"),
        ("clinic", ["clinic", "dentist", "dental", "doctor", "clinica", "dentista", "consultorio", "clinique", "dentiste", "cabinet", "hospital", "veterinary", "veterinaria"], "our clinic", "nuestra clínica", "nossa clínica", "notre clinique"),
        ("hotel", ["hotel", "hostel", "hostal", "pousada", "inn", "resort", "hotel"], "our hotel", "nuestro hotel", "nosso hotel", "notre hôtel"),
        ("gym", ["gym", "fitness", "gimnasio", "academia", "salle de sport", "crossfit", "yoga studio"], "our gym", "nuestro gimnasio", "nossa academia", "notre salle de sport"),
        ("bakery", ["bakery", "panaderia", "pasteleria", "padaria", "confeitaria", "boulangerie", "patisserie"], "our bakery", "nuestra panadería", "nossa padaria", "notre boulangerie"),
        ("pharmacy", ["pharmacy", "drugstore", "farmacia", "pharmacie"], "our pharmacy", "nuestra farmacia", "nossa farmácia", "notre pharmacie"),
        ("spa", ["spa"], "our spa", "nuestro spa", "nosso spa", "notre spa"),
        ("store", ["online store", "e-commerce", "ecommerce", "shop", "store", "boutique", "tienda", "loja", "magasin", "boutique en ligne"], "our store", "nuestra tienda", "nossa loja", "notre boutique"),
    ];

    public static string? Recognise(string folded) => Table.FirstOrDefault(t => TextScan.HasAny(folded, t.Keywords)).Key;

    /// <summary>"our barbershop" in the language; null for an unknown type (the sentence part is then left out).</summary>
    public static string? Phrase(string? key, string baseLanguage)
    {
        var row = Table.FirstOrDefault(t => t.Key == key);
        return row.Key is null ? null : baseLanguage switch
        {
            "es" => row.Es,
            "pt" => row.Pt,
            "fr" => row.Fr,
            _ => row.En,
        };
    }
}
