using System.Diagnostics;

namespace Concierge.Server.Tests.Observability;

/// <summary>
/// deploy/alerts.yml is valid Prometheus and its rules fire as deploy/alerts.test.yml says (promtool,
/// from Debian's prometheus package, which test.sh installs). Under CI=true a missing promtool fails.
/// </summary>
public sealed class AlertRulesTests
{
    [Fact]
    public async Task The_alert_rules_pass_promtool_check_and_their_unit_tests()
    {
        var promtool = Promtool();
        var deploy = Path.Combine(RepositoryRoot(), "deploy");

        var (checkCode, checkOutput) = await RunAsync(promtool, deploy, "check", "rules", "alerts.yml");
        var (testCode, testOutput) = await RunAsync(promtool, deploy, "test", "rules", "alerts.test.yml");

        Assert.True(checkCode == 0, checkOutput);
        Assert.Contains("SUCCESS: 8 rules found", checkOutput);
        Assert.True(testCode == 0, testOutput);
    }

    private static string Promtool()
    {
        foreach (var candidate in (string[])["/usr/bin/promtool", "/usr/local/bin/promtool"])
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("promtool is not installed (apt-get install prometheus): the alert rules cannot be checked");
        }

        Assert.Skip("promtool is not installed (apt-get install prometheus): the alert rules were not checked");
        return null!;
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Concierge.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Concierge.slnx) is not above " + AppContext.BaseDirectory);
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
