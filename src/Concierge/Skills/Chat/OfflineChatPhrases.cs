namespace Concierge.Skills.Chat;

/// <summary>
/// The sentences the offline chat says itself, in the agent's language: a Spanish-speaking
/// wellbeing agent greets in Spanish, not with an English frame around its Spanish name.
/// </summary>
internal sealed record OfflineChatPhrases(string Greeting, string Topics, string NoTopics, string NotUnderstood)
{
    private static readonly OfflineChatPhrases English = new(
        "Hello! This is {0}.",
        "I can answer questions such as {0}. Which would you like to know?",
        "What would you like to know?",
        "I'm answering without a language model right now, so I can only help with a few topics, and I did not understand that one.");

    private static readonly OfflineChatPhrases Spanish = new(
        "¡Hola! Soy {0}.",
        "Puedo responder preguntas como {0}. ¿Cuál te gustaría saber?",
        "¿Qué te gustaría saber?",
        "Ahora respondo sin un modelo de lenguaje, así que solo puedo ayudar con algunos temas, y no entendí ese.");

    private static readonly OfflineChatPhrases Portuguese = new(
        "Olá! Aqui é {0}.",
        "Posso responder perguntas como {0}. Qual você gostaria de saber?",
        "O que você gostaria de saber?",
        "Agora estou respondendo sem um modelo de linguagem, então só posso ajudar com alguns temas, e não entendi essa.");

    /// <summary>By the language of a locale ("es-CL" → Spanish); English for any other.</summary>
    public static OfflineChatPhrases For(string locale) => locale.Split('-', '_')[0].ToLowerInvariant() switch
    {
        "es" => Spanish,
        "pt" => Portuguese,
        _ => English,
    };
}
