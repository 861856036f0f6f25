using Concierge.Bench.Load;

namespace Concierge.Bench.Scenarios;

/// <summary>Scenario 1: GET /health (it runs SELECT 1 on the database each time).</summary>
public sealed class HealthScenario : Scenario
{
    public override string Name => "health";

    public override string Title => "GET /health";

    public override async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var database = await context.Databases.CreateAsync(cancellationToken);
        await using var server = await context.Servers.ConciergeAsync(database, withModel: false, cancellationToken);
        using var client = BenchContext.Client(server.BaseUrl);
        var requests = new RequestSource(_ => new HttpRequestMessage(HttpMethod.Get, "/health"));
        return await context.MeasureAsync(Name, Title, BaselineScenario.Const, server, client, context.Options.Connections, requests, null, cancellationToken);
    }
}
