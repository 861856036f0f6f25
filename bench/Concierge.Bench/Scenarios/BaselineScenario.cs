using System.Net.Http.Json;
using Concierge.Bench.Load;

namespace Concierge.Bench.Scenarios;

/// <summary>The floors: a constant from a bare ASP.NET Core endpoint, and one INSERT into the same database.</summary>
public sealed class BaselineScenario(bool insert) : Scenario
{
    public const string Const = "baseline-const";
    public const string Insert = "baseline-insert";

    public override string Name => insert ? Insert : Const;

    public override string Title => insert ? "POST /insert: one INSERT (storage floor)" : "GET /const: bare ASP.NET Core (framework floor)";

    public override async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var database = await context.Databases.CreateAsync(cancellationToken);
        await using var server = await context.Servers.BaselineAsync(database, cancellationToken);
        using var client = BenchContext.Client(server.BaseUrl);
        IRequestSource requests = insert
            ? new RequestSource(_ => new HttpRequestMessage(HttpMethod.Post, "/insert") { Content = JsonContent.Create(new { message = "What is Concierge?" }) })
            : new RequestSource(_ => new HttpRequestMessage(HttpMethod.Get, "/const"));
        return await context.MeasureAsync(Name, Title, null, server, client, context.Options.Connections, requests, null, cancellationToken);
    }
}
