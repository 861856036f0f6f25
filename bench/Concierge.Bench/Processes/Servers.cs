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

    public Task<ServerProcess> BaselineAsync(DatabaseTarget database, CancellationToken cancellationToken) =>
        ServerProcess.StartAsync(
            BenchDll,
            [BaselineServer.Mode, "--port", "{port}", "--provider", database.Provider, "--connection", database.ConnectionString],
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
            "/const",
            cancellationToken);
}
