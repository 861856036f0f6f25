namespace Concierge.Safety;

/// <summary>
/// The built-in protocols. Numbers as published by each country's service (checked 2026-12):
/// Chile *4141 (MINSAL), Spain 024, Mexico Línea de la Vida 800 911 2000, US 988 Lifeline,
/// UK Samaritans 116 123, Brazil CVV 188.
/// </summary>
internal static class DefaultCrisisProtocols
{
    private const string SpanishReply =
        "Siento mucho que estés pasando por esto, y gracias por contármelo. No tienes que cargar con esto a solas: " +
        "hay personas que quieren ayudarte ahora mismo. Llama a {hotlines}, es gratis y confidencial. " +
        "Si estás en peligro inmediato, llama al {emergency} o ve a urgencias. Si puedes, busca ahora a alguien de confianza " +
        "para que esté contigo. ¿Estás a salvo en este momento?";

    private const string SpanishFollowUp =
        "Sigo aquí contigo. Puedes llamar ahora a {hotlines}; si estás en peligro, al {emergency}. ¿Cómo estás en este momento?";

    private const string EnglishReply =
        "I'm really sorry you're going through this, and thank you for telling me. You don't have to carry this alone: " +
        "there are people who want to help you right now. Please call or text {hotlines}, it's free and confidential. " +
        "If you are in immediate danger, call {emergency} or go to the nearest emergency department. If you can, reach out " +
        "to someone you trust to be with you now. Are you safe right now?";

    private const string EnglishFollowUp =
        "I'm still here with you. You can reach {hotlines} right now; if you're in danger, call {emergency}. How are you doing at this moment?";

    private const string PortugueseReply =
        "Sinto muito que você esteja passando por isso, e obrigado por me contar. Você não precisa enfrentar isso sozinho: " +
        "há pessoas que querem te ajudar agora. Ligue para {hotlines}, é gratuito e sigiloso, 24 horas. " +
        "Se você estiver em perigo imediato, ligue {emergency} ou vá a um pronto-socorro. Se puder, chame agora alguém de confiança " +
        "para ficar com você. Você está em segurança neste momento?";

    private const string PortugueseFollowUp =
        "Continuo aqui com você. Você pode ligar agora para {hotlines}; se estiver em perigo, ligue {emergency}. Como você está neste momento?";

    public static IReadOnlyList<CrisisProtocol> All { get; } =
    [
        new("es-CL", [new("*4141", "línea de prevención del suicidio")], "131", SpanishReply, SpanishFollowUp),
        new("es-ES", [new("024", "línea de atención a la conducta suicida")], "112", SpanishReply, SpanishFollowUp),
        new("es-MX", [new("800 911 2000", "Línea de la Vida")], "911", SpanishReply, SpanishFollowUp),
        new("en-US", [new("988", "Suicide & Crisis Lifeline")], "911", EnglishReply, EnglishFollowUp),
        new("en-GB", [new("116 123", "Samaritans")], "999", EnglishReply.Replace("call or text", "call", StringComparison.Ordinal), EnglishFollowUp),
        new("pt-BR", [new("188", "CVV, Centro de Valorização da Vida")], "192", PortugueseReply, PortugueseFollowUp),
    ];

    /// <summary>Which locale speaks for a language when the exact locale has no protocol.</summary>
    public static IReadOnlyDictionary<string, string> LanguageDefaults { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["es"] = "es-CL", ["en"] = "en-US", ["pt"] = "pt-BR" };
}
