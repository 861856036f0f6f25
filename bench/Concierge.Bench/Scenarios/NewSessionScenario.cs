using Concierge.Bench.Load;

namespace Concierge.Bench.Scenarios;

/// <summary>Scenario 2: GET /session/new (a write: the session row and its event).</summary>
public sealed class NewSessionScenario : Scenario
{
    public override string Name => "session-new";

    public override string Title => "GET /session/new";

    public override async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var database = await context.Databases.CreateAsync(cancellationToken);
        await using var server = await context.Servers.ConciergeAsync(database, withModel: false, cancellationToken);
        using var client = BenchContext.Client(server.BaseUrl);
        var requests = new RequestSource(_ => new HttpRequestMessage(HttpMethod.Get, "/session/new"));
        return await context.MeasureAsync(Name, Title, BaselineScenario.Insert, server, client, context.Options.Connections, requests, null, cancellationToken);
    }
}
