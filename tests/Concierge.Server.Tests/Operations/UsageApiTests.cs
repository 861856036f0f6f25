using System.Net;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Tenants;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Server.Tests.Operations;

/// <summary>GET /api/v1/usage: the tenant's calls, tokens and cost by day, agent, session, model and customer; bad ranges and groups are 422 naming the field.</summary>
public sealed class UsageApiTests : IAsyncLifetime
{
    private FakeOpenAiServer _model = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _model = await FakeOpenAiServer.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Usage_adds_up_the_call_log_by_each_grouping_for_the_callers_tenant_only(DatabaseKind kind)
    {
        await using var app = App(await TestDatabase.CreateAsync(kind));
        var tenant = await app.AddTenantAsync("usage-" + Guid.NewGuid().ToString("N")[..8]);
        var client = app.OperatorClient(tenant.Id);
        var ana = (string)(await client.PostJsonAsync("/api/v1/sessions", new { agent = "assistant", customer_id = "ana" }))["id"]!;
        var bob = (string)(await client.PostJsonAsync("/api/v1/sessions", new { agent = "assistant", customer_id = "bob" }))["id"]!;
        _model.Reply("One.", promptTokens: 1_000_000, completionTokens: 100_000);
        await client.PostJsonAsync($"/api/v1/sessions/{ana}/messages", new { message = "Hello" });
        _model.Reply("Two.", promptTokens: 1_000_000, completionTokens: 100_000);
        await client.PostJsonAsync($"/api/v1/sessions/{ana}/messages", new { message = "Hello again" });
        _model.Reply("Three.", promptTokens: 2_000_000, completionTokens: 0);
        await client.PostJsonAsync($"/api/v1/sessions/{bob}/messages", new { message = "Hi" });
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var byDay = await client.GetJsonAsync("/api/v1/usage");
        var byAgent = await client.GetJsonAsync("/api/v1/usage?group=agent");
        var byCustomer = await client.GetJsonAsync($"/api/v1/usage?group=customer&from={today}&to={today}");
        var bySession = await client.GetJsonAsync("/api/v1/usage?group=session&limit=1");
        var byModel = await client.GetJsonAsync("/api/v1/usage?group=MODEL&from=2020-01-01T00:00:00Z");
        var before = await client.GetJsonAsync("/api/v1/usage?from=2020-01-01&to=2020-01-31");
        var demo = await app.OperatorClient().GetJsonAsync("/api/v1/usage?group=customer");

        // 1M in at 0.15 + 100k out at 0.60 = 0.21 each; 2M in = 0.30.
        Assert.Equal("day", (string?)byDay["group"]);
        Assert.Equal(today, (string?)byDay["rows"]![0]!["key"]);
        Assert.Equal(3, (int)byDay["total"]!["calls"]!);
        Assert.Equal(0.72m, (decimal)byDay["total"]!["cost_usd"]!);
        Assert.Equal(4_000_000, (long)byDay["total"]!["input_tokens"]!);
        Assert.Equal(200_000, (long)byDay["total"]!["output_tokens"]!);
        Assert.Equal("assistant", (string?)byAgent["rows"]![0]!["key"]);
        Assert.Equal(3, (int)byAgent["rows"]![0]!["calls"]!);
        Assert.Equal(["ana", "bob"], byCustomer["rows"]!.AsArray().Select(r => (string?)r!["key"]).Order());
        Assert.Equal(0.42m, (decimal)byCustomer["rows"]!.AsArray().Single(r => (string?)r!["key"] == "ana")!["cost_usd"]!);
        Assert.Single(bySession["rows"]!.AsArray());
        Assert.True((bool)bySession["truncated"]!);
        Assert.Equal(ana, (string?)bySession["rows"]![0]!["key"]);
        Assert.Equal("gpt-4o-mini", (string?)byModel["rows"]![0]!["key"]);
        Assert.Empty(before["rows"]!.AsArray());
        Assert.Equal(0, (int)before["total"]!["calls"]!);
        Assert.DoesNotContain(demo["rows"]!.AsArray(), r => (string?)r!["key"] is "ana" or "bob");
    }

    // A NUL is refused for every route before the route reads it (QueryTextMiddleware): 400, as
    // PostgreSQL could not compare it.
    [Fact]
    public async Task A_nul_in_the_range_is_refused_as_400_naming_the_parameter()
    {
        await using var app = App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));

        using var response = await app.OperatorClient().GetAsync("/api/v1/usage?from=%00", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("from", (string?)problem["field"]);
    }

    [Theory]
    [InlineData("group=week", "group")]
    [InlineData("group=", null)]
    [InlineData("group=day&group=agent", "group")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2026-02-30", "from")]
    [InlineData("from=2026-12-01T10:00:00", "from")]
    [InlineData("to=99999-01-01", "to")]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("from=2026-12-02&to=2026-12-01", "from")]
    [InlineData("from=2026-12-01T10:00:00Z&to=2026-12-01T10:00:00Z", "from")]
    [InlineData("from=2026-12-01&to=2026-11-30T23:00:00Z", "from")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=10001", "limit")]
    [InlineData("limit=ten", "limit")]
    public async Task A_bad_range_group_or_limit_is_a_422_naming_the_field(string query, string? field)
    {
        await using var app = App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));

        using var response = await app.OperatorClient().GetAsync($"/api/v1/usage?{query}", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        if (field is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(field, (string?)problem["field"]);
        Assert.Equal("invalid_query", (string?)problem["code"]);
    }

    [Fact]
    public async Task Usage_is_for_operators_not_customers_or_anonymous_callers()
    {
        await using var app = App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));

        using var customer = await app.ClientAs(Role.Customer).GetAsync("/api/v1/usage", Ct);
        using var anonymous = await app.Client().GetAsync("/api/v1/usage", Ct);
        using var admin = await app.AdminClient().GetAsync("/api/v1/usage", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, customer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    private ConciergeApp App(string databaseUrl) => new(databaseUrl, new Dictionary<string, string?>
    {
        ["OPENAI_API_KEY"] = "sk-test-usage-0123456789",
        ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(),
        ["OPENAI_MODEL"] = "gpt-4o-mini",
    });
}
