using System.Text;

namespace Concierge.Knowledge.Answers;

/// <summary>
/// Answers from documents without a language model: it quotes the one to three sentences that best
/// match the question, says where they come from, and says plainly when the documents do not cover it.
/// </summary>
public static class ExtractiveAnswerer
{
    /// <summary>Below this share of the question's (weighted) terms in the best passage, quoting would be a guess.</summary>
    public const double MinimumScore = 0.25;

    private const int MaxSentences = 3;
    private const int MaxTopics = 5;

    // A second passage is quoted only when it is from the same document and nearly as good: a
    // sentence from another document that shares the question's words is usually about something else.
    private const double SecondSourceRatio = 0.8;

    public static ExtractiveAnswer Answer(
        string question,
        IReadOnlyList<RankedPassage> passages,
        string replyLanguage,
        IReadOnlyList<string>? knownTopics = null)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var phrases = AnswerPhrases.For(replyLanguage);
        var scored = SentenceScorer.Score(question ?? string.Empty, passages);
        var top = scored.MaxBy(p => p.Coverage);
        var best = top?.Sentences.MaxBy(s => s.Score);
        if (top is null || best is null || top.Coverage < MinimumScore || best.Score == 0)
        {
            return NothingFound(phrases, knownTopics, top?.Coverage ?? 0);
        }

        var quoted = new List<(ScoredSentence Sentence, int Source)>();
        quoted.AddRange(Around(best, top.Sentences).Select(s => (s, 1)));
        if (quoted.Count < MaxSentences)
        {
            var second = scored.Where(p => p != top
                    && passages[p.Index].DocumentId == passages[top.Index].DocumentId
                    && passages[p.Index].ChunkId != passages[top.Index].ChunkId
                    && p.Coverage >= SecondSourceRatio * top.Coverage)
                .SelectMany(p => p.Sentences)
                .Where(s => !s.IsQuestion && s.Score >= SecondSourceRatio * best.Score)
                .MaxBy(s => s.Score);
            if (second is not null && quoted.All(q => q.Sentence.Text != second.Text))
            {
                quoted.Add((second, 2));
            }
        }

        var cited = quoted.GroupBy(q => q.Source)
            .Select(group => (Number: group.Key, Passage: passages[group.First().Sentence.Passage], Text: string.Join(' ', group.Select(q => q.Sentence.Text))))
            .ToList();
        var citations = cited.Select(c => new Citation(c.Number, c.Passage.DocumentId, c.Passage.Title, c.Passage.ChunkId, Snippet(c.Text))).ToList();
        var reply = new StringBuilder().AppendJoin(' ', cited.Select(c => $"{c.Text} [{c.Number}]"))
            .Append(SourceList.Separator).Append(SourceList.Format([.. cited.Select(c => (c.Number, c.Passage))], replyLanguage));
        return new ExtractiveAnswer(AnswerStatus.Answered, reply.ToString(), quoted.Select(q => q.Sentence.Text).ToList(), citations, Math.Min(1, top.Coverage));
    }

    // The best sentence and what completes it: in an FAQ the best match is often the question
    // itself, so the answer is what follows; a sentence ending in ":" or a short one needs the next;
    // a neighbour nearly as relevant is kept too. Only neighbours: an answer is a run of text, and
    // a far sentence sharing the question's words is usually about something else.
    private static List<ScoredSentence> Around(ScoredSentence best, List<ScoredSentence> passage)
    {
        var chosen = new List<ScoredSentence>();
        if (best.IsQuestion)
        {
            chosen.AddRange(passage.Skip(best.Index + 1).TakeWhile(s => !s.IsQuestion).Take(2));
            return chosen.Count > 0 ? chosen : [best];
        }

        chosen.Add(best);
        if ((best.Text.EndsWith(':') || best.Text.Length < 60) && best.Index + 1 < passage.Count && !passage[best.Index + 1].IsQuestion)
        {
            chosen.Add(passage[best.Index + 1]);
        }

        chosen.AddRange(passage
            .Where(s => Math.Abs(s.Index - best.Index) == 1 && !chosen.Contains(s) && !s.IsQuestion && s.Score >= 0.75 * best.Score)
            .OrderByDescending(s => s.Score)
            .Take(MaxSentences - chosen.Count));
        return chosen.Take(MaxSentences).OrderBy(s => s.Index).ToList();
    }

    private static ExtractiveAnswer NothingFound(AnswerPhrases phrases, IReadOnlyList<string>? topics, double score)
    {
        var reply = phrases.NotFound;
        var named = (topics ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().Take(MaxTopics).ToList();
        if (named.Count > 0)
        {
            reply += " " + string.Format(System.Globalization.CultureInfo.InvariantCulture, phrases.CanAnswer, phrases.List(named));
        }

        return new ExtractiveAnswer(AnswerStatus.NothingFound, reply, [], [], score);
    }

    private static string Snippet(string text)
    {
        var plain = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (plain.Length <= Citation.MaxSnippetChars)
        {
            return plain;
        }

        var room = Citation.MaxSnippetChars - 1;
        var space = plain.LastIndexOf(' ', room);
        var cut = plain[..(space > room / 2 ? space : room)];
        return (char.IsHighSurrogate(cut[^1]) ? cut[..^1] : cut).TrimEnd(',', ';', ':', ' ') + "…";
    }
}
