namespace Concierge.Agents;

/// <summary>
/// The tenant and agent the embedded default ships with, so that Concierge answers with no set-up.
/// Their ids are fixed so that a restarted (or second) instance finds the same rows.
/// </summary>
public static class DemoTenant
{
    public static readonly Guid TenantId = Guid.Parse("00000000-0000-7000-8000-000000000001");
    public static readonly Guid AgentId = Guid.Parse("00000000-0000-7000-8000-000000000101");
    public static readonly Guid AssistantId = Guid.Parse("00000000-0000-7000-8000-000000000102");
    public static readonly Guid HibachiId = Guid.Parse("00000000-0000-7000-8000-000000000103");
    public static readonly Guid SupportId = Guid.Parse("00000000-0000-7000-8000-000000000104");
    public static readonly Guid WellbeingId = Guid.Parse("00000000-0000-7000-8000-000000000111");
    public const string TenantName = "Demo";
    public const string TenantSlug = "demo";

    /// <summary>The demo agents' public keys; fixed, so a web page written for the demo keeps working.</summary>
    public const string AgentPublicKey = "pk_demo";
    public const string AssistantPublicKey = "pk_demo_assistant";
    public const string HibachiPublicKey = "pk_demo_hibachi";
    public const string SupportPublicKey = "pk_demo_support";

    /// <summary>
    /// The wellbeing companion is public too: it is a consumer-facing chat (seed 004's app talks to it
    /// without a login), and the key gives nothing its own chat route does not.
    /// </summary>
    public const string WellbeingPublicKey = "pk_demo_wellbeing";

    /// <summary>Every demo agent; the first is the tenant's default (what /session/new talks to).</summary>
    public static IReadOnlyList<Agent> Agents => [Agent, Assistant, Hibachi, Support, Wellbeing];

    /// <summary>
    /// The stock agents a new tenant starts with: the demo definitions with new ids, the tenant's
    /// own public keys, and debug closed (a new business opts in).
    /// </summary>
    public static IReadOnlyList<Agent> StockAgentsFor(Guid tenantId, Func<string> newPublicKey) =>
        [.. Agents.Select(a => a with { Id = Guid.CreateVersion7(), TenantId = tenantId, PublicKey = newPublicKey(), ExposeDebug = false, ServiceKeys = [] })];

    /// <summary>The default demo agent: the WhatsApp template builder (seed 000's clients talk to it).</summary>
    public static Agent Agent { get; } = new()
    {
        Id = AgentId,
        TenantId = TenantId,
        Key = "demo",
        Name = "WhatsApp template builder",
        Skill = "templates",
        PublicKey = AgentPublicKey,
        ExposeDebug = true,
        Instructions =
            "You help a business write a WhatsApp message template that Meta will accept. Ask for one "
            + "missing thing at a time, show the draft, and never claim a template is final unless the "
            + "user accepted a valid draft.",
    };

    /// <summary>A general chat agent that answers from its FAQ offline, or with the model.</summary>
    public static Agent Assistant { get; } = new()
    {
        Id = AssistantId,
        TenantId = TenantId,
        Key = "assistant",
        Name = "the Concierge demo assistant",
        Skill = "chat",
        PublicKey = AssistantPublicKey,
        ExposeDebug = true,
        Instructions =
            "You are Concierge's demo assistant. Answer briefly and truthfully. You help businesses "
            + "try Concierge: conversations over web chat and WhatsApp, bookings, shop search and "
            + "WhatsApp message templates. If you do not know something, say so and ask one question.",
        Faq =
        [
            new("What is Concierge?", "Concierge is a self-hosted conversational AI backend: businesses run assistants on it that talk with their customers over web chat and WhatsApp, keep every conversation and call tools."),
            new("What can you do?", "I can explain what Concierge does, how to run it and how to configure it. Real skills such as WhatsApp templates, bookings and shop search are added per agent."),
            new("How do I connect a language model?", "Set OPENAI_API_KEY (and optionally OPENAI_BASE_URL and OPENAI_MODEL) and restart. Any OpenAI-compatible server works: OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio, Groq or OpenRouter."),
            new("Which database do you use?", "A SQLite file under ./data by default. Set DATABASE_URL to a postgresql:// URL to use PostgreSQL."),
            new("Is my conversation saved?", "Yes. Every message is stored with its session, and the debug view at /session/{id}/debug shows the whole conversation and every model call."),
            new("What are your opening hours?", "I am a demo assistant and I am always available. A real agent would answer with its business's hours."),
        ],
    };

    /// <summary>A hibachi caterer's booking assistant (seed 002): books "Hibachi at home" over chat and POST /api/ai/chat.</summary>
    public static Agent Hibachi { get; } = new()
    {
        Id = HibachiId,
        TenantId = TenantId,
        Key = "hibachi",
        Name = "the hibachi booking assistant",
        Skill = "bookings",
        PublicKey = HibachiPublicKey,
        Locale = "en-US",
        DetectEmotions = true,
        ServiceKeys = ["hibachi"],
        Instructions =
            "You take bookings for a hibachi caterer: a chef cooks at the customer's home. Ask for one missing "
            + "thing at a time (date, time, party size, name, phone or e-mail), offer the nearest free slots "
            + "when one is full, ask before booking, and never say a booking is made unless it is.",
    };

    /// <summary>Answers from the tenant's documents with its sources (the server seeds Concierge's own FAQ for it).</summary>
    public static Agent Support { get; } = new()
    {
        Id = SupportId,
        TenantId = TenantId,
        Key = "support",
        Name = "Concierge support",
        Skill = "knowledge",
        PublicKey = SupportPublicKey,
        Instructions =
            "You are Concierge's support assistant. You answer questions about Concierge from its "
            + "documentation only, and you say plainly when the documentation does not cover something.",
    };

    /// <summary>
    /// The wellbeing app's companion (seed 004, /api/v1/chat/send): supportive chat in Chilean Spanish
    /// with the guardrail on (crisis detection before every turn, the es-CL protocol with *4141).
    /// </summary>
    public static Agent Wellbeing { get; } = new()
    {
        Id = WellbeingId,
        TenantId = TenantId,
        Key = "wellbeing",
        Name = "Flou, tu compañía de bienestar",
        Skill = "chat",
        Locale = "es-CL",
        PublicKey = WellbeingPublicKey,
        CrisisDetection = true,
        Instructions =
            "Eres un acompañante de bienestar emocional. Escuchas con calidez, validas lo que la persona siente, "
            + "respondes breve y en su idioma, y sugieres pasos pequeños y concretos (respirar, descansar, hablar con "
            + "alguien de confianza). No diagnosticas ni reemplazas a un profesional; si la persona habla de hacerse "
            + "daño, das la línea *4141 y le preguntas si está a salvo.",
        Faq =
        [
            new("Estoy frustrado, enojado o con rabia", "Tiene sentido sentirse así cuando las cosas no resultan. ¿Quieres contarme qué pasó? A veces ayuda tomar una pausa, respirar lento unas veces y después ver qué parte sí está en tus manos."),
            new("Estoy estresado o con ansiedad", "Lamento que estés con tanta carga. Prueba respirar contando 4 al inhalar y 6 al exhalar, unas cinco veces. ¿Qué es lo que más te pesa hoy?"),
            new("Estoy triste o desanimado", "Gracias por contármelo. Estar triste es pesado; no tienes que resolverlo todo hoy. ¿Qué te ha pasado? Estoy aquí para escucharte."),
            new("No puedo dormir, tengo insomnio", "Dormir mal lo hace todo más difícil. Ayuda dejar las pantallas un rato antes, bajar la luz y mantener una hora fija. ¿Hay algo que te da vueltas en la cabeza por la noche?"),
            new("Me siento solo o sola", "Sentirse solo duele. ¿Hay alguien con quien te gustaría hablar esta semana, aunque sea un mensaje corto? Mientras tanto, aquí estoy para conversar."),
        ],
    };
}
