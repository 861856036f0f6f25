using System.Diagnostics;

namespace Concierge.Server.Tests.Observability;

/// <summary>The shipped systemd unit is one systemd accepts, with the restart and hardening options docs/operations.md promises.</summary>
public sealed class DeploymentFilesTests
{
    [Fact]
    public async Task The_systemd_unit_passes_systemd_analyze_verify_and_restarts_on_failure_hardened()
    {
        var unit = Path.Combine(AlertRulesTests.RepositoryRoot(), "deploy", "concierge.service");
        var text = await File.ReadAllTextAsync(unit, TestContext.Current.CancellationToken);
        foreach (var line in (string[])["Restart=on-failure", "RestartPreventExitStatus=2", "NoNewPrivileges=yes", "ProtectSystem=strict", "EnvironmentFile=/etc/concierge/concierge.env", "Concierge.Server.dll migrate"])
        {
            Assert.Contains(line, text);
        }

        if (!File.Exists("/usr/bin/systemd-analyze"))
        {
            Assert.Skip("systemd-analyze is not installed: the unit's syntax was not verified");
        }

        var start = new ProcessStartInfo("/usr/bin/systemd-analyze", ["verify", unit]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken) + await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        // Only the unit's own lines matter (systemd may warn about other units on the machine).
        Assert.DoesNotContain(output.Split('\n'), l => l.Contains("concierge.service", StringComparison.Ordinal) && !l.Contains("not found", StringComparison.OrdinalIgnoreCase));
    }
}
