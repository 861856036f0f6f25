using Concierge.Safety;

namespace Concierge.Tests.Safety;

public class CrisisGoldenSetTests(ITestOutputHelper output)
{
    private const double MinimumRecall = 0.95;
    private const double MinimumPrecision = 0.90;

    [Fact]
    public void Every_language_of_the_golden_set_reaches_the_recall_and_precision_floor()
    {
        var evaluation = GoldenEvaluation.Run(CrisisDetector.Default, GoldenCase.Load());

        var report = evaluation.Report();
        output.WriteLine(report);

        var failing = evaluation.Scores.Where(s => s.Recall < MinimumRecall || s.Precision < MinimumPrecision).Select(s => s.Language);
        Assert.True(!failing.Any(), $"Below recall {MinimumRecall} or precision {MinimumPrecision}: {string.Join(", ", failing)}\n{report}");
    }

    [Theory]
    [InlineData("crisis-heldout.json")]
    [InlineData("crisis-heldout-2.json")]
    [InlineData("crisis-heldout-3.json")]
    [InlineData("crisis-heldout-4.json")]
    [InlineData("crisis-heldout-5.json")]
    [InlineData("crisis-heldout-6.json")]
    [InlineData("crisis-heldout-7.json")]
    public void The_held_out_sets_written_after_the_rules_are_reported_as_an_honest_estimate(string file)
    {
        // Not held to the floor on purpose: these messages were written after the rules, so their
        // figures estimate how the tables do on unseen wording (docs/safety.md says which set the
        // rules were later broadened against).
        var evaluation = GoldenEvaluation.Run(CrisisDetector.Default, GoldenCase.Load(file));

        output.WriteLine(evaluation.Report());

        Assert.Equal(["en", "es", "pt"], evaluation.Scores.Select(s => s.Language));
    }

    [Fact]
    public void The_golden_set_has_at_least_a_hundred_cases_per_language_and_both_labels()
    {
        var cases = GoldenCase.Load();

        Assert.True(cases.Count >= 330);
        Assert.All(cases.GroupBy(c => c.Language), g =>
        {
            Assert.True(g.Count() >= 100, $"{g.Key} has {g.Count()} cases");
            Assert.Contains(g, c => c.Crisis);
            Assert.Contains(g, c => !c.Crisis);
        });
    }
}
