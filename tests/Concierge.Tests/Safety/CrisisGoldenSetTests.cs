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

    // Each held-out set's figures as docs/safety.md records them (the latest row per set; set 8's
    // recall is its first run's, its precision after a general fix of the past-and-resolved frame;
    // sets 8 and 9 after the context rules of 2026-12-07).
    // A change may move them, but not down by more than Slack.
    private const double Slack = 0.05;

    private static readonly Dictionary<string, Dictionary<string, (double Precision, double Recall)>> Recorded = new()
    {
        ["crisis-heldout.json"] = new() { ["en"] = (1.000, 0.917), ["es"] = (1.000, 0.833), ["pt"] = (0.909, 0.833) },
        ["crisis-heldout-2.json"] = new() { ["en"] = (1.000, 1.000), ["es"] = (1.000, 1.000), ["pt"] = (1.000, 1.000) },
        ["crisis-heldout-3.json"] = new() { ["en"] = (1.000, 1.000), ["es"] = (1.000, 1.000), ["pt"] = (1.000, 1.000) },
        ["crisis-heldout-4.json"] = new() { ["en"] = (1.000, 1.000), ["es"] = (1.000, 0.917), ["pt"] = (1.000, 0.833) },
        ["crisis-heldout-5.json"] = new() { ["en"] = (1.000, 0.800), ["es"] = (1.000, 0.800), ["pt"] = (1.000, 0.800) },
        ["crisis-heldout-6.json"] = new() { ["en"] = (1.000, 0.560), ["es"] = (1.000, 0.920), ["pt"] = (1.000, 0.840) },
        ["crisis-heldout-7.json"] = new() { ["en"] = (0.960, 0.960), ["es"] = (1.000, 0.960), ["pt"] = (1.000, 1.000) },
        ["crisis-heldout-8.json"] = new() { ["en"] = (0.923, 0.480), ["es"] = (0.938, 0.600), ["pt"] = (1.000, 0.560) },
        ["crisis-heldout-9.json"] = new() { ["en"] = (0.917, 0.733), ["es"] = (0.958, 0.767), ["pt"] = (0.958, 0.767) },
    };

    public static TheoryData<string> HeldOutSets => [.. Recorded.Keys];

    [Theory]
    [MemberData(nameof(HeldOutSets))]
    public void No_held_out_set_falls_more_than_the_slack_below_its_recorded_precision_and_recall(string file)
    {
        // The held-out sets were written after the rules, so their figures estimate how the detector
        // does on unseen wording; they are not held to the golden floor, but a change that trades
        // one of them away for another set's gain must show here.
        var evaluation = GoldenEvaluation.Run(CrisisDetector.Default, GoldenCase.Load(file));
        var report = evaluation.Report();
        output.WriteLine(report);

        Assert.Equal(["en", "es", "pt"], evaluation.Scores.Select(s => s.Language));
        var below = evaluation.Scores
            .Where(s => s.Precision < Recorded[file][s.Language].Precision - Slack || s.Recall < Recorded[file][s.Language].Recall - Slack)
            .Select(s => $"{s.Language} (precision {s.Precision:0.000}, recall {s.Recall:0.000}; recorded {Recorded[file][s.Language]})");
        Assert.True(!below.Any(), $"{file} fell below its recorded figures minus {Slack}: {string.Join(", ", below)}\n{report}");
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
