namespace Concierge.Knowledge.Answers;

/// <summary>The reply to a question answered from documents by quoting them, never by inventing text.</summary>
/// <param name="Reply">The sentences then the numbered sources, or the honest "not found", in the user's language.</param>
/// <param name="Sentences">The quoted sentences, in reading order (empty when nothing was found).</param>
/// <param name="Citations">The sources the sentences came from, numbered from 1 (empty when nothing was found).</param>
/// <param name="Confidence">0 to 1: the weighted share of the question's terms that the quoted passage holds.</param>
public sealed record ExtractiveAnswer(
    AnswerStatus Status,
    string Reply,
    IReadOnlyList<string> Sentences,
    IReadOnlyList<Citation> Citations,
    double Confidence);
