namespace Concierge.Skills.Chat;

/// <summary>
/// What an FAQ question is about, beyond its exact words: "which db do you use", "¿qué base de datos
/// usan?" and "Which database do you use?" all ask about the database, and "what can you do", "o que
/// você faz?" and "help" all ask what the assistant can do, although those words are mostly stop words.
/// Concepts are added to the word sets as tokens starting with '#'; folded words (no accents).
/// </summary>
internal static class FaqConcepts
{
    public const string Capability = "#capability";

    private static readonly (string Concept, string[] Words)[] Table =
    [
        ("#database", ["database", "databases", "db", "bd", "datos", "dados", "donnees", "sqlite", "postgres", "postgresql", "storage", "almacenamiento", "armazenamento", "banco"]),
        ("#model", ["model", "llm", "openai", "gpt", "ai", "ia", "modelo", "modele", "chatgpt", "llama", "ollama", "conecto", "conectar", "connect"]),
        ("#saved", ["saved", "save", "stored", "store", "kept", "history", "guardan", "guarda", "guardada", "guardado", "salva", "salvo", "salvas", "enregistre", "enregistree", "historial", "historico", "historique", "conversation", "conversacion", "conversa", "chat", "chats", "mensajes", "mensagens", "messages"]),
        ("#hours", ["hours", "open", "opening", "horario", "horarios", "abren", "abierto", "abre", "horaires", "ouvert", "ouverture", "funcionamento"]),
        ("#concierge", ["concierge"]),
    ];

    // "what can you do", "what are you able to help with": a word for "you" with an action word.
    private static readonly HashSet<string> You = ["you", "u", "tu", "te", "usted", "voce", "vc", "vous", "ti"];

    private static readonly HashSet<string> Actions =
    [
        "do", "can", "able", "help", "hacer", "ayudar", "ayudarme", "fazer", "faz", "pode", "ajudar", "ajudarme", "faire", "aider", "offer", "ofrecer", "oferecer", "proposer", "capable",
    ];

    // Second-person verbs carry the "you" themselves: "¿qué puedes hacer?", "o que fazes?", "que peux-tu faire ?".
    private static readonly HashSet<string> SecondPerson =
    [
        "puedes", "haces", "sabes", "ofreces", "podes", "fazes", "sabe", "consegue", "consegues", "peux", "pouvez", "faites", "fais", "sais", "savez",
    ];

    private static readonly HashSet<string> HelpAlone =
    [
        "help", "ayuda", "ajuda", "aide", "features", "capabilities", "funciones", "funcionalidades", "fonctionnalites", "options", "opciones", "opcoes", "menu",
    ];

    /// <summary>The concept tokens of a folded word list.</summary>
    public static IEnumerable<string> Of(IReadOnlyCollection<string> words)
    {
        var found = Table.Where(t => t.Words.Any(words.Contains)).Select(t => t.Concept).ToList();
        var asksAbility = (words.Any(You.Contains) && words.Any(Actions.Contains)) || words.Any(SecondPerson.Contains) || (words.Count <= 3 && words.Any(HelpAlone.Contains));

        // "which database do you use" is about the database, not about what the assistant can do.
        if (found.Count == 0 && asksAbility)
        {
            found.Add(Capability);
        }

        return found;
    }
}
