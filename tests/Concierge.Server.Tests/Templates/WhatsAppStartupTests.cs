using System.Diagnostics;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Templates;

/// <summary>The built server refuses to start on a bad WhatsApp setting, naming it and never echoing a secret.</summary>
public sealed class WhatsAppStartupTests
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "Concierge.Server.dll");

    [Theory]
    [InlineData("WHATSAPP_GRAPH_VERSION", "latest", null)]
    [InlineData("WHATSAPP_GRAPH_BASE_URL", "graph.facebook.com", null)]
    [InlineData("WHATSAPP_WABA_ID", "waba-1", null)]
    [InlineData("WHATSAPP_REQUEST_TIMEOUT", "forever", null)]
    [InlineData("WHATSAPP_ACCESS_TOKEN", "EAAG secret token", "EAAG")]
    public async Task A_bad_whatsapp_setting_stops_the_start_naming_it(string setting, string value, string? secret)
    {
        using var data = new TempFolder();
        var start = new ProcessStartInfo("dotnet", [ServerDll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DATABASE_URL"] = $"sqlite:///{data.Path}/c.db";
        start.Environment["SECRET_KEY"] = Infrastructure.ConciergeApp.TestSecretKey;
        start.Environment[setting] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith($"Concierge cannot start: {setting}", line);
        if (secret is not null)
        {
            Assert.DoesNotContain(secret, line + await stdout);
        }
    }
}
