using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Configuration;

/// <summary>
/// The built server as an operator starts it: <c>dotnet Concierge.Server.dll</c> with settings in
/// environment variables only. A bad setting stops it with one line naming the setting.
/// </summary>
public sealed class StartupTests
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "Concierge.Server.dll");

    [Theory]
    [InlineData("DATABASE_URL", "mysql://user:hunter2@db/app", "hunter2")]
    [InlineData("DATABASE_URL", "postgresql://user:pw@db:notaport/app", "pw@")]
    [InlineData("DATABASE_POOL_SIZE", "-3", null)]
    [InlineData("LLM_TEMPERATURE", "hot", null)]
    [InlineData("LLM_TEMPERATURE", "3", null)]
    [InlineData("REQUEST_TIMEOUT", "soon", null)]
    [InlineData("MAX_MESSAGE_LENGTH", "0", null)]
    [InlineData("OPENAI_BASE_URL", "not a url", null)]
    [InlineData("SESSION_TTL", "-5", null)]
    [InlineData("LOG_LEVEL", "LOUD", null)]
    [InlineData("CORS_ORIGINS", "javascript:alert(1)", null)]
    [InlineData("CONFIG_PATH", "/no/such/concierge.json", null)]
    [InlineData("METRICS_ALLOWED_IPS", "10.0.0.0/99", null)]
    [InlineData("LOG_FORMAT", "xml", null)]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318", null)]
    [InlineData("SENTRY_DSN", "sentry-key-s3cr3t", "s3cr3t")]
    public async Task A_bad_setting_stops_the_start_with_one_line_naming_it(string setting, string value, string? secret)
    {
        using var data = new TempFolder();
        var environment = new Dictionary<string, string> { ["DATABASE_URL"] = $"sqlite:///{data.Path}/c.db", [setting] = value };

        var (exitCode, output) = await RunAsync(environment, "--urls", $"http://127.0.0.1:{FreePort()}");

        Assert.Equal(2, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith($"Concierge cannot start: {setting}", line);
        if (secret is not null)
        {
            Assert.DoesNotContain(secret, line);
        }
    }

    [Fact]
    public async Task The_built_server_starts_from_environment_variables_alone_and_serves_health()
    {
        using var data = new TempFolder();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [ServerDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = data.Path,
        };
        start.Environment["DATABASE_URL"] = "sqlite:///data/concierge.db";
        start.Environment["SECRET_KEY"] = Infrastructure.ConciergeApp.TestSecretKey;
        start.Environment.Remove("OPENAI_API_KEY");
        using var process = Process.Start(start)!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var health = await WaitForHealthAsync(http);

            Assert.Contains("\"db\":\"ok\"", health);
            Assert.Contains("\"model\":\"offline\"", health);
            Assert.True(File.Exists(Path.Combine(data.Path, "data", "concierge.db")), "the relative sqlite:/// path is under the working directory");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Migrate_command_applies_migrations_and_exits_and_a_second_run_applies_nothing()
    {
        using var data = new TempFolder();
        var environment = new Dictionary<string, string> { ["DATABASE_URL"] = $"sqlite:///{data.Path}/c.db", ["LOG_LEVEL"] = "INFO" };

        var (firstExit, first) = await RunAsync(environment, "migrate");
        var (secondExit, second) = await RunAsync(environment, "migrate");

        Assert.Equal(0, firstExit);
        Assert.Equal(0, secondExit);
        Assert.Contains("Applied sqlite migration 1", first);
        Assert.DoesNotContain("Applied sqlite migration", second);
    }

    private static async Task<string> WaitForHealthAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await http.GetStringAsync("/health");
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [ServerDll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["SECRET_KEY"] = Infrastructure.ConciergeApp.TestSecretKey;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'dotnet Concierge.Server.dll {string.Join(' ', args)}' did not exit: {await stdout}");
        }

        var output = (await stderr) + (process.ExitCode == 2 ? string.Empty : await stdout);
        return (process.ExitCode, output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
