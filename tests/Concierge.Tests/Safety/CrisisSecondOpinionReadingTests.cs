using Concierge.Safety;

namespace Concierge.Tests.Safety;

public class CrisisSecondOpinionReadingTests
{
    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"severity":"high"}""")]
    [InlineData("""{"crisis":"yes"}""")]
    public void An_unreadable_answer_is_no_opinion(string answer)
    {
        Assert.Null(CrisisSecondOpinion.Read(answer).Crisis);
    }

    [Fact]
    public void A_crisis_without_a_known_severity_counts_as_low_and_the_reason_is_one_short_line()
    {
        var opinion = CrisisSecondOpinion.Read("""{"crisis":true,"severity":"extreme","reason":"line one\nline two","language":"xx"}""");

        Assert.True(opinion.Crisis);
        Assert.Equal(CrisisSeverity.Low, opinion.Severity);
        Assert.Equal("line one line two", opinion.Reason);
        Assert.Null(opinion.Language);
    }

    [Fact]
    public void Only_ambiguous_messages_and_low_detections_are_worth_a_second_opinion()
    {
        Assert.True(CrisisSecondOpinion.IsWorthAsking(SafetyVerdict.Safe with { Ambiguous = true }));
        Assert.True(CrisisSecondOpinion.IsWorthAsking(SafetyVerdict.Crisis("r", "burden") with { Severity = CrisisSeverity.Low }));
        Assert.False(CrisisSecondOpinion.IsWorthAsking(SafetyVerdict.Safe));
        Assert.False(CrisisSecondOpinion.IsWorthAsking(SafetyVerdict.Crisis("r", "plan") with { Severity = CrisisSeverity.High }));
        Assert.False(CrisisSecondOpinion.IsWorthAsking(SafetyVerdict.Safe with { Ambiguous = true, By = "off" }));
    }

    [Theory]
    [InlineData("me muero de la risa", true)]
    [InlineData("I would never kill myself", true)]
    [InlineData("I'm on the bridge", true)]
    [InlineData("what time do you open tomorrow?", false)]
    public void The_detector_marks_idioms_negations_and_single_cues_as_ambiguous_but_not_plain_messages(string text, bool ambiguous)
    {
        var assessment = CrisisDetector.Default.Assess(text, []);

        Assert.False(assessment.IsCrisis);
        Assert.Equal(ambiguous, assessment.Ambiguous);
    }
}
