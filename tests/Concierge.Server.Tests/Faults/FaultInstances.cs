using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// Two or more built servers on one database, each ready and with an operator client, and the
/// round-robin targets the load is spread over: the set-up every multi-instance scenario shares.
/// </summary>
public sealed class FaultInstances : IDisposable
{
    private FaultInstances(IReadOnlyList<ServerProcess> processes, IReadOnlyList<HttpClient> operators)
    {
        Processes = processes;
        Operators = operators;
        Targets = new FaultTargets([.. processes.Select((p, i) => (p.Http, operators[i]))]);
    }

    public IReadOnlyList<ServerProcess> Processes { get; }

    public IReadOnlyList<HttpClient> Operators { get; }

    public FaultTargets Targets { get; }

    public static async Task<FaultInstances> StartAsync(string databaseUrl, IReadOnlyDictionary<string, string> environment, int count = 2)
    {
        var processes = Enumerable.Range(0, count).Select(_ => ServerProcess.Start(databaseUrl, environment)).ToList();
        foreach (var process in processes)
        {
            await process.WaitForReadyAsync();
        }

        return new FaultInstances(processes, [.. processes.Select(p => p.OperatorClient())]);
    }

    public void Dispose()
    {
        foreach (var client in Operators)
        {
            client.Dispose();
        }

        foreach (var process in Processes)
        {
            process.Dispose();
        }
    }
}
