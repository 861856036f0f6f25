using System.Net;
using Concierge.Agents;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Accounts;

public sealed class PublicAgentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_an_agent_key_the_seed_routes_reach_the_demo_agent_whose_debug_is_exposed()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.Client();

        var id = await client.NewSessionAsync();
        var debug = await client.GetJsonAsync($"/session/{id}/debug");

        Assert.Equal(id, (string?)debug["session_id"]);
    }

    [Fact]
    public async Task An_agent_key_reaches_that_tenants_agent_and_its_debug_stays_closed_except_for_an_operator()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var tenant = await app.AddTenantAsync("acme");
        var agent = (await app.Services.GetRequiredService<IAgentCatalog>().FindByKeyAsync(tenant.Id, "assistant", Ct))!;
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Agent-Key", agent.PublicKey);

        var id = await client.NewSessionAsync();
        using var closed = await client.GetAsync($"/session/{id}/debug", Ct);
        using var byQuery = await app.Client().GetAsync($"/session/{id}?agent_key={agent.PublicKey}", Ct);
        using var fromDemo = await app.Client().GetAsync($"/session/{id}", Ct);
        using var asOperator = await app.OperatorClient(tenant.Id).GetAsync($"/session/{id}/debug", Ct);
        var native = await app.OperatorClient(tenant.Id).GetJsonAsync($"/api/v1/sessions/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, closed.StatusCode);
        Assert.Equal("debug_not_exposed", (string?)(await closed.ReadObjectAsync())["code"]);
        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromDemo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asOperator.StatusCode);
        Assert.Equal(agent.Id.ToString(), (string?)native["agent_id"]);
    }

    [Fact]
    public async Task An_unknown_agent_key_or_a_bad_token_on_a_seed_route_is_a_401()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var unknown = app.Client();
        unknown.DefaultRequestHeaders.Add("X-Agent-Key", "pk_nope");

        using var byKey = await unknown.GetAsync("/session/new", Ct);
        using var byToken = await app.WithBearer("not.a.token").GetAsync("/session/new", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, byKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byToken.StatusCode);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task An_operator_lists_the_tenants_sessions_newest_first_in_pages_and_by_customer(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind));
        var staff = app.OperatorClient();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((string)(await staff.PostJsonAsync("/api/v1/sessions", new { agent = "assistant", customer_id = i % 2 == 0 ? "even" : "odd" }))["id"]!);
        }

        var other = await app.AddTenantAsync("acme");
        await app.OperatorClient(other.Id).PostJsonAsync("/api/v1/sessions", new { agent = "assistant" });

        var page1 = await staff.GetJsonAsync("/api/v1/sessions?limit=3");
        var page2 = await staff.GetJsonAsync($"/api/v1/sessions?limit=3&after={page1["next_after"]}");
        var even = await staff.GetJsonAsync("/api/v1/sessions?customer_id=even&agent=assistant");
        using var badAfter = await staff.GetAsync("/api/v1/sessions?after=nope", Ct);

        var listed = page1["sessions"]!.AsArray().Concat(page2["sessions"]!.AsArray()).Select(s => (string)s!["id"]!).ToList();
        Assert.Equal(Enumerable.Reverse(ids), listed);
        Assert.Null(page2["next_after"]);
        Assert.Equal(3, even["sessions"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, badAfter.StatusCode);
        Assert.Equal("after", (string?)(await badAfter.ReadObjectAsync())["field"]);
    }
}
