using Concierge.Bench.Baseline;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Bench.Processes;

/// <summary>Starts the processes under test: the Concierge server (offline or on the fake model) and the baseline server.</summary>
public sealed class Servers(string conciergeDll, FakeOpenAiServer model)
{
    private static readonly string BenchDll = typeof(Servers).Assembly.Location;

    public string ConciergeDll => conciergeDll;

    /// <summary>The environment the issue prescribes: the seed aliases, rate limit off, quiet logs.</summary>
    public Dictionary<string, string?> ConciergeEnvironment(DatabaseTarget database, bool withModel) => new()
    {
        ["DATABASE_URL"] = database.Url,
        // No key means the offline interpreter; a key from the caller's shell must not leak in.
        ["OPENAI_API_KEY"] = withModel ? "sk-bench" : null,
        ["OPENAI_BASE_URL"] = withModel ? model.BaseUrl.ToString() : null,
        ["RATE_LIMIT_PER_MINUTE"] = "0",
        ["LOG_LEVEL"] = "WARNING",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
    };

    public Task<ServerProcess> ConciergeAsync(DatabaseTarget database, bool withModel, CancellationToken cancellationToken) =>
        ServerProcess.StartAsync(conciergeDll, ["--urls", "{url}"], ConciergeEnvironment(database, withModel), "/health", cancellationToken);

    /// <summary>
    /// An operator API key of the demo tenant, made the way an operator makes one (the server's
    /// <c>keys add</c> command on the same database), for scenarios on operator routes.
    /// </summary>
    public async Task<string> OperatorKeyAsync(DatabaseTarget database, CancellationToken cancellationToken)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(conciergeDll)!,
        };
        foreach (var argument in new[] { conciergeDll, "keys", "add", "demo", "--role", "operator", "--name", "bench" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in ConciergeEnvironment(database, withModel: false))
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["SECRET_KEY"] = "bench-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? output.TrimEnd().Split('\n')[^1].Trim()
            : throw new InvalidOperationException($"keys add failed ({process.ExitCode}): {error}");
    }

    public Task<ServerProcess> BaselineAsync(DatabaseTarget database, CancellationToken cancellationToken) =>
        ServerProcess.StartAsync(
            BenchDll,
            [BaselineServer.Mode, "--port", "{port}", "--provider", database.Provider, "--connection", database.ConnectionString],
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
            "/const",
            cancellationToken);
}
