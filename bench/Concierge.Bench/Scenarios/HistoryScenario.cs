using Concierge.Bench.Load;

namespace Concierge.Bench.Scenarios;

/// <summary>Scenario 5: GET /session/{id} on one session holding many messages (the whole history, oldest first).</summary>
public sealed class HistoryScenario : Scenario
{
    public override string Name => "history";

    public override string Title => "GET /session/{{id}}, {0} messages";

    public override async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var database = await context.Databases.CreateAsync(cancellationToken);
        await using var server = await context.Servers.ConciergeAsync(database, withModel: false, cancellationToken);
        using var client = BenchContext.Client(server.BaseUrl);

        // Built through the product (offline turns, two messages each), not behind its back.
        var session = (await BenchContext.NewSessionsAsync(client, 1, cancellationToken))[0];
        for (var turn = 0; turn < (options.HistoryMessages + 1) / 2; turn++)
        {
            using var response = await client.SendAsync(BenchContext.Chat(session, $"Message {turn}: which database do you use?"), cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        var requests = new RequestSource(_ => new HttpRequestMessage(HttpMethod.Get, $"/session/{session}"));
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, Title, (options.HistoryMessages + 1) / 2 * 2);
        return await context.MeasureAsync(Name, title, BaselineScenario.Const, server, client, options.Connections, requests, null, cancellationToken);
    }
}
