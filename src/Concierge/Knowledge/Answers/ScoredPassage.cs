namespace Concierge.Knowledge.Answers;

/// <summary>A passage's sentences, scored, and how much of the question the whole passage covers.</summary>
internal sealed record ScoredPassage(int Index, double Coverage, List<ScoredSentence> Sentences);
