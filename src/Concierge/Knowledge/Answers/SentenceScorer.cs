using Concierge.Knowledge.Analysis;
using Concierge.Knowledge.Chunking;

namespace Concierge.Knowledge.Answers;

/// <summary>
/// Scores every sentence of the top passages, and each passage as a whole, by the weighted share of
/// the question's terms they hold.
/// A term's weight is its rarity among those sentences, so "refund" counts for more than "order", and a
/// question term found nowhere ("Paris" asked of a shop) keeps its full weight in the denominator:
/// that is what makes an off-topic question score low. A passage's title and heading count at half weight, and
/// lower-ranked passages are discounted so the top passage wins ties. Coverage is judged on the whole
/// passage (its terms are often spread over two sentences); the sentences are then ranked inside it.
/// </summary>
internal static class SentenceScorer
{
    public const int MaxPassages = 5;

    private const double HeadingWeight = 0.5;
    private const double RankDiscount = 0.15;

    // Retrieval's first document is the best evidence of what the question is about; another
    // document must match clearly better to be quoted instead.
    private const double OtherDocumentDiscount = 0.8;

    public static List<ScoredPassage> Score(string question, IReadOnlyList<RankedPassage> passages)
    {
        var candidates = new List<(int Passage, List<string> Sentences, List<HashSet<string>> Terms, HashSet<string> Heading, HashSet<string> Question)>();
        var queryTermsByLanguage = new Dictionary<string, HashSet<string>>();
        foreach (var (passage, rank) in passages.Take(MaxPassages).Select((p, i) => (p, i)))
        {
            var language = passage.Language is null ? TextAnalysis.GuessLanguage(passage.Text) : KnowledgeLanguages.Normalize(passage.Language);
            if (!queryTermsByLanguage.TryGetValue(language, out var questionTerms))
            {
                questionTerms = [.. TextAnalysis.QueryTerms(question, language)];
                queryTermsByLanguage[language] = questionTerms;
            }

            var sentences = SentenceSplitter.Split(passage.Text, 0, passage.Text.Length)
                .Select(s => passage.Text[s.Start..s.End])
                .ToList();
            candidates.Add((rank, sentences, sentences.Select(s => TextAnalysis.Terms(s, language).ToHashSet()).ToList(),
                TextAnalysis.Terms($"{passage.Title}\n{passage.HeadingPath}", language).ToHashSet(), questionTerms));
        }

        var allSentences = candidates.SelectMany(c => c.Terms).ToList();
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        double Weight(string term)
        {
            if (!weights.TryGetValue(term, out var weight))
            {
                var df = allSentences.Count(s => s.Contains(term));
                weight = Math.Log(1 + ((allSentences.Count + 1.0) / (df + 1.0)));
                weights[term] = weight;
            }

            return weight;
        }

        var scored = new List<ScoredPassage>();
        foreach (var candidate in candidates)
        {
            var total = candidate.Question.Sum(Weight);
            var discount = (1 - (RankDiscount * candidate.Passage))
                * (passages[candidate.Passage].DocumentId == passages[0].DocumentId ? 1 : OtherDocumentDiscount);
            double Share(HashSet<string> terms)
            {
                var matched = 0.0;
                foreach (var term in candidate.Question)
                {
                    matched += terms.Contains(term) ? Weight(term) : candidate.Heading.Contains(term) ? HeadingWeight * Weight(term) : 0;
                }

                return total == 0 ? 0 : discount * matched / total;
            }

            var sentences = candidate.Sentences.Select((text, index) => new ScoredSentence(candidate.Passage, index, text, Share(candidate.Terms[index]))).ToList();
            scored.Add(new ScoredPassage(candidate.Passage, Share([.. candidate.Terms.SelectMany(t => t)]), sentences));
        }

        return scored;
    }
}
