namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// The variables a business describes in words ("the customer's name", "el número de pedido"), with
/// realistic example values in the template's language: Meta reviews the examples, and "test" or
/// "xxx" gets templates rejected.
/// </summary>
internal static class VariableKinds
{
    public const string CustomerName = "customer_name";
    public const string OrderNumber = "order_number";
    public const string Date = "date";
    public const string Time = "time";
    public const string Amount = "amount";
    public const string TrackingNumber = "tracking_number";
    public const string Code = "code";
    public const string Discount = "discount";

    public static IReadOnlyList<string> All { get; } = [CustomerName, OrderNumber, Date, Time, Amount, TrackingNumber, Code, Discount];

    // Folded phrases; bare nouns that are too common ("name", "date") only count with an article or a qualifier.
    private static readonly (string Kind, string[] Phrases)[] Phrases =
    [
        (CustomerName, ["customer's name", "customers name", "customer name", "client's name", "client name", "name of the customer", "their name", "first name", "the name", "his name", "her name", "nombre del cliente", "nombre de cliente", "el nombre", "su nombre", "nombre del usuario", "nome do cliente", "o nome", "seu nome", "nome dele", "primeiro nome", "nom du client", "le nom", "son nom", "prenom", "le prenom"]),
        (OrderNumber, ["order number", "order id", "order no", "order #", "order code", "numero de pedido", "numero del pedido", "numero de orden", "numero de la orden", "numero do pedido", "codigo do pedido", "numero de commande", "numero de la commande", "reference de commande"]),
        (TrackingNumber, ["tracking number", "tracking code", "tracking id", "numero de seguimiento", "codigo de seguimiento", "numero de rastreo", "codigo de rastreo", "codigo de rastreio", "codigo de rastreamento", "numero de rastreio", "numero de suivi", "code de suivi"]),
        (Date, ["the date", "delivery date", "appointment date", "due date", "a date", "with date", "date and time", "la fecha", "fecha de", "fecha y hora", "a data", "data de", "data da", "data e hora", "la date", "date de", "date du", "date et heure", "le jour"]),
        (Time, ["the time", "and time", "the hour", "la hora", "y hora", "y la hora", "a hora", "o horario", "e horario", "e hora", "e a hora", "l'heure", "et l'heure", "et heure", "l heure", "horario"]),
        (Amount, ["the amount", "amount", "the total", "total amount", "the price", "amount due", "el monto", "monto", "importe", "el precio", "el total", "o valor", "valor total", "o preco", "le montant", "montant", "le prix", "le total"]),
        (Code, ["discount code", "promo code", "coupon code", "promotional code", "codigo de descuento", "codigo promocional", "codigo del cupon", "codigo de desconto", "codigo do cupom", "code promo", "code de reduction", "code promotionnel"]),
        (Discount, ["discount percentage", "percentage", "discount amount", "porcentaje", "porcentaje de descuento", "porcentagem", "percentual", "pourcentage"]),
    ];

    /// <summary>The kinds the (folded, quotes removed) text describes, in the order they appear.</summary>
    public static IReadOnlyList<string> Described(string folded) =>
        Phrases
            .Select(p => (p.Kind, Index: TextScan.FirstIndex(folded, p.Phrases)))
            .Where(x => x.Index >= 0)
            .OrderBy(x => x.Index)
            .Select(x => x.Kind)
            .Distinct()
            .ToList();

    /// <summary>A guess of what <c>{{n}}</c> stands for from the words just before it ("order {{2}}" → order number).</summary>
    public static string? FromContext(string foldedBefore)
    {
        var tail = foldedBefore.Length > 30 ? foldedBefore[^30..] : foldedBefore;
        if (TextScan.HasAny(tail, ["hello", "hi", "dear", "hola", "ola", "oi", "bonjour", "salut", "querido", "querida", "estimado", "estimada", "cher", "chere"]))
        {
            return CustomerName;
        }

        if (TextScan.HasAny(tail, ["tracking", "seguimiento", "rastreio", "suivi"]))
        {
            return TrackingNumber;
        }

        if (TextScan.HasAny(tail, ["order", "pedido", "orden", "commande"]))
        {
            return OrderNumber;
        }

        if (TextScan.HasAny(tail, ["at", "a las", "as", "a"]) && TextScan.HasAny(tail, ["on", "el", "em", "le", "no dia", "date", "fecha", "data"]))
        {
            return Time;
        }

        if (TextScan.HasAny(tail, ["on", "el dia", "no dia", "le", "date", "fecha", "data", "until", "hasta", "ate", "jusqu'au"]))
        {
            return Date;
        }

        if (TextScan.HasAny(tail, ["code", "codigo", "cupon", "cupom", "coupon"]))
        {
            return Code;
        }

        return TextScan.HasAny(tail, ["of", "de", "total", "amount", "monto", "valor", "montant", "$", "€"]) ? Amount : null;
    }

    /// <summary>A realistic example of <paramref name="kind"/> in <paramref name="language"/> (a Meta code).</summary>
    public static string Example(string? kind, string language)
    {
        var baseLanguage = LanguageSense.BaseOf(language);
        var us = language is "en_US" or "en";
        return kind switch
        {
            CustomerName => baseLanguage switch { "es" => "María", "fr" => "Marie", _ => "Maria" },
            OrderNumber => "#12345",
            TrackingNumber => "1Z999AA10123456784",
            Date => us ? "05/15/2026" : "15/05/2026",
            Time => baseLanguage switch { "en" => us ? "3:00 PM" : "15:00", "fr" => "15h00", _ => "15:00" },
            Amount => language switch
            {
                "en_US" or "en" => "$49.90",
                "en_GB" => "£49.90",
                "es_MX" => "$499.00 MXN",
                "pt_BR" => "R$ 49,90",
                "fr_CA" => "49,90 $",
                _ => "49,90 €",
            },
            Code => "WELCOME10",
            Discount => "20%",
            _ => baseLanguage switch { "es" => "ejemplo", "pt" => "exemplo", "fr" => "exemple", _ => "example" },
        };
    }

    /// <summary>A short sentence that carries a variable the purpose's main sentence has no place for.</summary>
    public static string DetailSentence(string kind, string baseLanguage) => (kind, baseLanguage) switch
    {
        (OrderNumber, "es") => "Tu número de pedido es {order_number}.",
        (OrderNumber, "pt") => "O número do seu pedido é {order_number}.",
        (OrderNumber, "fr") => "Votre numéro de commande est {order_number}.",
        (OrderNumber, _) => "Your order number is {order_number}.",
        (Date, "es") => "La fecha es el {date}.",
        (Date, "pt") => "A data é {date}.",
        (Date, "fr") => "La date prévue est le {date}.",
        (Date, _) => "The date is {date}.",
        (Time, "es") => "La hora es a las {time}.",
        (Time, "pt") => "O horário é às {time}.",
        (Time, "fr") => "L'heure prévue est {time}.",
        (Time, _) => "The time is {time}.",
        (Amount, "es") => "El monto total es de {amount}.",
        (Amount, "pt") => "O valor total é de {amount}.",
        (Amount, "fr") => "Le montant total est de {amount}.",
        (Amount, _) => "The total amount is {amount}.",
        (TrackingNumber, "es") => "Tu número de seguimiento es {tracking_number}.",
        (TrackingNumber, "pt") => "Seu código de rastreio é {tracking_number}.",
        (TrackingNumber, "fr") => "Votre numéro de suivi est {tracking_number}.",
        (TrackingNumber, _) => "Your tracking number is {tracking_number}.",
        (Code, "es") => "Usa el código {code} al pagar.",
        (Code, "pt") => "Use o cupom {code} na compra.",
        (Code, "fr") => "Utilisez le code {code} lors de votre achat.",
        (Code, _) => "Use the code {code} at checkout.",
        (Discount, "es") => "Tienes un descuento de {discount} en tu compra.",
        (Discount, "pt") => "Você tem {discount} de desconto na sua compra.",
        (Discount, "fr") => "Vous bénéficiez de {discount} de réduction sur votre achat.",
        (Discount, _) => "You get {discount} off your purchase.",
        (CustomerName, "es") => "Este mensaje es para {customer_name}.",
        (CustomerName, "pt") => "Esta mensagem é para {customer_name}.",
        (CustomerName, "fr") => "Ce message est pour {customer_name}.",
        (CustomerName, _) => "This message is for {customer_name}.",
        _ => string.Empty,
    };
}
