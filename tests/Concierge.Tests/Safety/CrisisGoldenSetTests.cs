using System.Globalization;
using System.Text;
using Concierge.Safety;

namespace Concierge.Tests.Safety;

public class CrisisGoldenSetTests(ITestOutputHelper output)
{
    private const double MinimumRecall = 0.95;
    private const double MinimumPrecision = 0.90;

    [Fact]
    public void Every_language_of_the_golden_set_reaches_the_recall_and_precision_floor()
    {
        var cases = GoldenCase.Load();
        var detector = CrisisDetector.Default;
        var results = cases.Select(c => (Case: c, Detected: detector.Assess(c.Text, c.Previous).IsCrisis)).ToList();

        var report = new StringBuilder();
        var failing = new List<string>();
        foreach (var language in results.GroupBy(r => r.Case.Language).OrderBy(g => g.Key))
        {
            var truePositives = language.Count(r => r.Case.Crisis && r.Detected);
            var falsePositives = language.Count(r => !r.Case.Crisis && r.Detected);
            var falseNegatives = language.Count(r => r.Case.Crisis && !r.Detected);
            var precision = truePositives + falsePositives == 0 ? 1 : (double)truePositives / (truePositives + falsePositives);
            var recall = truePositives + falseNegatives == 0 ? 1 : (double)truePositives / (truePositives + falseNegatives);
            report.AppendLine(CultureInfo.InvariantCulture, $"{language.Key}: {language.Count()} cases, precision {precision:0.000}, recall {recall:0.000} (tp {truePositives}, fp {falsePositives}, fn {falseNegatives})");
            foreach (var miss in language.Where(r => r.Case.Crisis != r.Detected))
            {
                var kind = miss.Case.Crisis ? "missed" : "false alarm";
                var previous = miss.Case.Previous.Count > 0 ? $" [after: {string.Join(" / ", miss.Case.Previous)}]" : string.Empty;
                report.AppendLine(CultureInfo.InvariantCulture, $"  {kind} ({miss.Case.Category}): {miss.Case.Text}{previous}");
            }

            if (recall < MinimumRecall || precision < MinimumPrecision)
            {
                failing.Add(language.Key);
            }
        }

        foreach (var category in results.GroupBy(r => (r.Case.Language, r.Case.Category)).OrderBy(g => g.Key))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {category.Key.Language}/{category.Key.Category}: {category.Count()} cases ({category.Count(r => r.Case.Crisis)} crisis), {category.Count(r => r.Case.Crisis == r.Detected)} right");
        }

        output.WriteLine(report.ToString());
        Assert.True(failing.Count == 0, $"Below recall {MinimumRecall} or precision {MinimumPrecision}: {string.Join(", ", failing)}\n{report}");
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
