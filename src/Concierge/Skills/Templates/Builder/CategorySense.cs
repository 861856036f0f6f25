namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// The category from what the message is for, when no stock purpose matched: a promotion (sale, % off,
/// offer, launch, new menu) is MARKETING; a transaction (account, membership, renewal, results, order,
/// appointment, payment, prescription ready) is UTILITY; a code (verify, OTP, login, confirm e-mail) is
/// AUTHENTICATION. Words in English, Spanish, Portuguese and French, folded.
/// </summary>
internal static class CategorySense
{
    private static readonly string[] Authentication =
    [
        "verification code", "verify", "verification", "otp", "one-time", "one time password", "login code", "log in code", "sign in code", "sign-in code", "2fa", "two-factor", "two factor",
        "confirm email", "confirm e-mail", "confirm their email", "confirm your email", "confirm the email", "email confirmation", "e-mail confirmation", "password reset", "reset password", "access code", "security code", "passcode",
        "codigo de verificacion", "codigo de acceso", "verificar", "verificacion", "codigo de seguridad", "confirmar correo", "confirmar el correo", "confirmar su correo", "codigo para iniciar sesion", "inicio de sesion",
        "codigo de verificacao", "verificacao", "codigo de acesso", "confirmar e-mail", "confirmar email", "confirmar o e-mail", "codigo de login", "codigo de seguranca",
        "code de verification", "verification", "code d'acces", "code de connexion", "confirmer l'e-mail", "confirmer l'email", "confirmer son e-mail", "code de securite", "code a usage unique",
    ];

    private static readonly string[] Marketing =
    [
        "sale", "sales", "% off", "off", "discount", "discounts", "offer", "offers", "promo", "promotion", "promotions", "promote", "launch", "launching", "new menu", "new collection", "new product", "new arrivals", "black friday", "cyber monday",
        "coupon", "deal", "deals", "special", "newsletter", "announce", "announcement", "event", "invite", "invitation", "grand opening", "happy hour", "free shipping", "free delivery", "free", "limited time", "frete gratis", "envio gratis", "gratis", "livraison gratuite", "gratuit", "gratuite", "offert", "offerte", "giveaway", "contest", "loyalty", "win back", "we miss you",
        "oferta", "ofertas", "descuento", "descuentos", "rebaja", "rebajas", "promocion", "promociones", "lanzamiento", "nuevo menu", "nueva coleccion", "cupon", "liquidacion", "evento", "inauguracion", "2x1", "novedad", "novedades",
        "desconto", "descontos", "promocao", "promocoes", "lancamento", "novo cardapio", "cardapio novo", "nova colecao", "cupom", "liquidacao", "queima", "novidade", "novidades", "inauguracao",
        "soldes", "solde", "reduction", "promo", "offre", "offres", "lancement", "nouveau menu", "nouvelle carte", "nouvelle collection", "code promo", "evenement", "nouveaute", "nouveautes", "remise",
    ];

    private static readonly string[] Utility =
    [
        "account", "membership", "subscription", "renewal", "renew", "renews", "renewing", "renewed", "plan renews", "expiring", "renueva", "renovara", "renova", "renouvelle", "results", "result", "order", "orders", "appointment", "payment", "invoice", "bill", "receipt", "prescription", "ready for pickup", "ready for pick up", "ready for collection", "prescription", "pickup", "pick up", "delivery",
        "shipping", "shipped", "booking", "reservation", "reminder", "ticket", "status", "update", "refund", "balance", "policy", "claim", "schedule", "class", "due", "overdue", "expired", "expires", "lab", "test results", "repair", "service",
        "cuenta", "turno", "turnos", "hora medica", "consulta", "cuota", "cuotas", "mensualidad", "envio", "listo para retirar", "lista para retirar", "certificado", "tramite", "membresia", "suscripcion", "renovacion", "resultados", "pedido", "cita", "pago", "factura", "recibo", "receta", "listo para recoger", "lista para recoger", "entrega", "envio", "reserva", "recordatorio", "reembolso", "saldo", "vencimiento", "vence",
        "conta", "marcacao", "mensalidade", "parcela", "prestacao", "envio", "pronto para levantar", "assinatura", "renovacao", "resultado", "resultados", "pedido", "consulta", "pagamento", "fatura", "boleto", "receita", "pronto para retirar", "pronta para retirada", "retirada", "entrega", "reserva", "lembrete", "reembolso", "vencimento",
        "compte", "rendez vous", "loyer", "mensualite", "envoi", "dossier", "abonnement", "renouvellement", "resultats", "commande", "rendez-vous", "paiement", "facture", "ordonnance", "pret a retirer", "prete a retirer", "livraison", "reservation", "rappel", "remboursement", "echeance",
    ];

    /// <summary>MARKETING, UTILITY or AUTHENTICATION when the words say it; null when they do not.</summary>
    public static string? Guess(string folded)
    {
        if (TextScan.HasAny(folded, Authentication) && !TextScan.HasAny(folded, ["promo code", "discount code", "codigo de descuento", "codigo promocional", "cupom", "code promo"]))
        {
            return TemplateCategory.Authentication;
        }

        var marketing = TextScan.HasAny(folded, Marketing) || folded.Contains('%', StringComparison.Ordinal);
        var utility = TextScan.HasAny(folded, Utility);

        // A promotion that mentions an order ("20% off your next order") is still a promotion.
        return marketing ? TemplateCategory.Marketing : utility ? TemplateCategory.Utility : null;
    }
}
