namespace Concierge.Tests.Knowledge;

public class RetrievalEvaluationTests(ITestOutputHelper output)
{
    private static readonly KnowledgePipeline Pipeline = new(KnowledgeCorpus.Files());

    [Fact]
    public void The_test_set_has_enough_documents_and_questions_in_every_language()
    {
        Assert.InRange(Pipeline.Documents.Count, 8, 12);
        foreach (var language in new[] { "en", "es", "pt" })
        {
            Assert.True(KnowledgeQuestions.Answerable.Count(q => q.Language == language) >= 15, language);
            Assert.Contains(Pipeline.Documents, d => d.Language == language);
        }

        Assert.True(KnowledgeQuestions.Answerable.Count >= 45);
    }

    [Fact]
    public void Nine_in_ten_questions_find_their_document_in_the_top_three_and_the_answers_cite_it()
    {
        var top1 = 0;
        var top3 = 0;
        var cited = 0;
        foreach (var (language, question, expected) in KnowledgeQuestions.Answerable)
        {
            var passages = Pipeline.Retrieve(question);
            var hit = passages.Take(3).Any(p => p.DocumentId == expected);
            var answer = Pipeline.Ask(question, language);
            var cites = answer.Citations.Any(c => c.DocumentId == expected);
            top1 += passages.Count > 0 && passages[0].DocumentId == expected ? 1 : 0;
            top3 += hit ? 1 : 0;
            cited += cites ? 1 : 0;
            if (!hit || !cites)
            {
                output.WriteLine($"miss [{language}] {question} → expected {expected}; top 3: {string.Join(", ", passages.Take(3).Select(p => p.ChunkId))}; {answer.Status} ({answer.Confidence:F2})");
            }
        }

        var offTopicRefused = KnowledgeQuestions.OffTopic.Count(q => Pipeline.Ask(q.Question, q.Language).Status == Concierge.Knowledge.Answers.AnswerStatus.NothingFound);
        var total = KnowledgeQuestions.Answerable.Count;
        output.WriteLine($"documents {Pipeline.Documents.Count}, chunks {Pipeline.ChunkCount}, questions {total}");
        output.WriteLine($"top-1 hit rate {top1}/{total} = {(double)top1 / total:P1}");
        output.WriteLine($"top-3 hit rate {top3}/{total} = {(double)top3 / total:P1}");
        output.WriteLine($"answers citing the right source {cited}/{total} = {(double)cited / total:P1}");
        output.WriteLine($"off-topic questions answered 'not found' {offTopicRefused}/{KnowledgeQuestions.OffTopic.Count}");
        Assert.True((double)top3 / total >= 0.90, $"top-3 hit rate {top3}/{total} is below 0.90");
    }

    [Theory]
    [InlineData("the of and", "en")]
    [InlineData("el la de", "es")]
    [InlineData("o que é", "pt")]
    public void A_question_of_only_stop_words_is_answered_not_found_by_the_whole_pipeline(string question, string language)
    {
        Assert.Empty(Pipeline.Retrieve(question));
        Assert.Equal(Concierge.Knowledge.Answers.AnswerStatus.NothingFound, Pipeline.Ask(question, language).Status);
    }

    [Fact]
    public void A_question_of_ten_thousand_characters_goes_through_the_whole_pipeline()
    {
        var question = string.Concat(Enumerable.Repeat("Can I bring my own wine to dinner and what is the corkage fee? ", 200))[..10_000];

        var answer = Pipeline.Ask(question, "en");

        Assert.Equal(Concierge.Knowledge.Answers.AnswerStatus.Answered, answer.Status);
        Assert.Equal("olive-tree-faq.md", answer.Citations[0].DocumentId);
    }
}
