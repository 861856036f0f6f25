using System.Globalization;
using System.Text;
using Concierge.Safety;

namespace Concierge.Tests.Safety;

/// <summary>Runs the detector over labelled messages and writes the figures and every miss as text.</summary>
public sealed class GoldenEvaluation
{
    private readonly List<(GoldenCase Case, CrisisAssessment Assessment)> _results;

    private GoldenEvaluation(List<(GoldenCase, CrisisAssessment)> results) => _results = results;

    public IReadOnlyList<LanguageScore> Scores => [.. _results.GroupBy(r => r.Case.Language).OrderBy(g => g.Key).Select(g => new LanguageScore(
        g.Key,
        g.Count(),
        g.Count(r => r.Case.Crisis && r.Assessment.IsCrisis),
        g.Count(r => !r.Case.Crisis && r.Assessment.IsCrisis),
        g.Count(r => r.Case.Crisis && !r.Assessment.IsCrisis)))];

    public static GoldenEvaluation Run(CrisisDetector detector, IReadOnlyList<GoldenCase> cases) =>
        new([.. cases.Select(c => (c, detector.Assess(c.Text, c.Previous)))]);

    public string Report()
    {
        var report = new StringBuilder();
        foreach (var score in Scores)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{score.Language}: {score.Cases} cases, precision {score.Precision:0.000}, recall {score.Recall:0.000} (tp {score.TruePositives}, fp {score.FalsePositives}, fn {score.FalseNegatives})");
            foreach (var (miss, assessment) in _results.Where(r => r.Case.Language == score.Language && r.Case.Crisis != r.Assessment.IsCrisis))
            {
                var kind = miss.Crisis ? "missed" : $"false alarm by {assessment.Rule}";
                var previous = miss.Previous.Count > 0 ? $" [after: {string.Join(" / ", miss.Previous)}]" : string.Empty;
                report.AppendLine(CultureInfo.InvariantCulture, $"  {kind} ({miss.Category}): {miss.Text}{previous}");
            }
        }

        report.AppendLine("by language and category (cases, of which crisis, right):");
        foreach (var group in _results.GroupBy(r => (r.Case.Language, r.Case.Category)).OrderBy(g => g.Key))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key.Language}/{group.Key.Category}: {group.Count()}, {group.Count(r => r.Case.Crisis)}, {group.Count(r => r.Case.Crisis == r.Assessment.IsCrisis)}");
        }

        return report.ToString();
    }
}
