namespace Concierge.Knowledge.Answers;

/// <summary>The few words the answerer says itself, in each reply language.</summary>
internal sealed record AnswerPhrases(string Sources, string NotFound, string CanAnswer, string And)
{
    private static readonly AnswerPhrases English = new(
        "Sources", "I could not find that in the documents I have.", "I can answer questions about {0}.", "and");

    private static readonly AnswerPhrases Spanish = new(
        "Fuentes", "No encontré eso en los documentos que tengo.", "Puedo responder preguntas sobre {0}.", "y");

    private static readonly AnswerPhrases Portuguese = new(
        "Fontes", "Não encontrei isso nos documentos que tenho.", "Posso responder a perguntas sobre {0}.", "e");

    public static AnswerPhrases For(string language) => Analysis.KnowledgeLanguages.Normalize(language) switch
    {
        Analysis.KnowledgeLanguages.Spanish => Spanish,
        Analysis.KnowledgeLanguages.Portuguese => Portuguese,
        _ => English,
    };

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} {And} {items[^1]}",
    };
}
