namespace Concierge.Knowledge.Answers;

/// <summary>One sentence of a passage with its place and how much of the question it matches.</summary>
internal sealed record ScoredSentence(int Passage, int Index, string Text, double Score)
{
    public bool IsQuestion => Text.TrimEnd('"', '\'', ')', '»', '”').EndsWith('?');
}
