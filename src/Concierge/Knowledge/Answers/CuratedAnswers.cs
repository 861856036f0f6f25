using Concierge.Knowledge.Analysis;

namespace Concierge.Knowledge.Answers;

/// <summary>
/// Finds the hand-written answer whose question means the same as the user's, by their analysed terms
/// (stemmed, stop words out). Jaccard alone is harsh on a short question inside a longer curated one
/// ("refund deadline" vs "What is the deadline to ask for a refund?"), so two shared terms covering
/// most of the shorter question also match.
/// </summary>
public static class CuratedAnswers
{
    public const double MinimumJaccard = 0.5;
    public const double MinimumOverlap = 0.8;

    public static CuratedAnswer? Match(string question, IReadOnlyList<CuratedAnswer> curated)
    {
        ArgumentNullException.ThrowIfNull(curated);
        CuratedAnswer? best = null;
        var bestScore = 0.0;
        foreach (var candidate in curated)
        {
            var score = Similarity(question ?? string.Empty, candidate);
            if (score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }

        return best;
    }

    /// <summary>The Jaccard index when it decides a match, 0 when the pair does not match.</summary>
    internal static double Similarity(string question, CuratedAnswer candidate)
    {
        // Both sides through the same analyser, or the same word could stem two ways.
        var language = candidate.Language is null ? TextAnalysis.GuessLanguage(candidate.Question) : KnowledgeLanguages.Normalize(candidate.Language);
        var asked = TextAnalysis.QueryTerms(question, language).ToHashSet(StringComparer.Ordinal);
        var known = TextAnalysis.QueryTerms(candidate.Question, language).ToHashSet(StringComparer.Ordinal);
        if (asked.Count == 0 || known.Count == 0)
        {
            return 0;
        }

        var shared = asked.Count(known.Contains);
        var jaccard = (double)shared / (asked.Count + known.Count - shared);
        var overlap = (double)shared / Math.Min(asked.Count, known.Count);
        return jaccard >= MinimumJaccard || (shared >= 2 && overlap >= MinimumOverlap) ? Math.Max(jaccard, 0.01) : 0;
    }
}
