using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Concierge.Testing.Browser;

/// <summary>axe-core (Deque's, run inside the page) on what a page shows now.</summary>
public static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>
    /// Runs axe on <paramref name="page"/> (WCAG 2.x A/AA and best-practice rules) and fails with
    /// every serious or critical violation, each with its rule, help link and the elements
    /// concerned; the minor and moderate ones are printed to the test output, not failed.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact, StringComparer.OrdinalIgnoreCase)).ToList();
        var others = result.Violations.Except(blocking).ToList();
        if (others.Count > 0)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"axe on {what}: {others.Count} minor/moderate violation(s):{Environment.NewLine}{Describe(others)}");
        }

        if (blocking.Count > 0)
        {
            throw new AccessibilityException($"axe found {blocking.Count} serious or critical violation(s) on {what} ({page.Url}):{Environment.NewLine}{Describe(blocking)}");
        }
    }

    /// <summary>One paragraph per violation: impact, rule, help, link, and each element's selector and HTML.</summary>
    public static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine($"- [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine($"    {node.Target}: {node.Html}");
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    text.AppendLine($"      {check.Message}");
                }
            }
        }

        return text.ToString();
    }
}

/// <summary>An accessibility check that failed (the message lists the violations).</summary>
public sealed class AccessibilityException(string message) : Exception(message);
