using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Concierge.Costs;
using Concierge.Jobs;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Storage;
using Concierge.Testing.FakeOpenAi;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Operations;

/// <summary>
/// The daily model budget: 80% and 100% raise an event, one alert job each and the used-ratio gauge;
/// BUDGET_ACTION=offline then answers the tenant offline (crisis replies as always), other tenants not.
/// Each model reply here costs 0.45 USD (3M prompt tokens of gpt-4o-mini at 0.15 USD per million).
/// </summary>
public sealed class BudgetTests : IAsyncLifetime
{
    private const int ExpensivePrompt = 3_000_000;
    private FakeOpenAiServer _model = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _model = await FakeOpenAiServer.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Crossing_80_and_100_percent_raises_one_event_and_alert_each_and_offline_answers_the_rest_of_the_day(DatabaseKind kind)
    {
        await using var app = App(await TestDatabase.CreateAsync(kind), "offline");
        var tenant = await app.AddTenantAsync("budget-" + Guid.NewGuid().ToString("N")[..8]);
        var client = app.OperatorClient(tenant.Id);
        var ratios = new Dictionary<string, double>();
        using var listener = GaugeListener(ratios);
        var session = (string)(await client.PostJsonAsync("/api/v1/sessions", new { agent = "assistant" }))["id"]!;

        var sources = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            _model.Reply($"Paid answer {i}.", promptTokens: ExpensivePrompt, completionTokens: 0);
            sources.Add((string)(await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = "Which database do you use?" }))["source"]!);
        }

        var afterBudget = await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = "Which database do you use?" });
        var crisis = await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = "I want to kill myself" });
        // Another turn over budget must not raise the alerts again.
        await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = "Thanks" });
        listener.RecordObservableInstruments();

        Assert.Equal(["model", "model", "model"], sources);
        Assert.Equal("offline", (string?)afterBudget["source"]);
        Assert.Contains("SQLite", (string?)afterBudget["reply"]);
        Assert.Equal("safety", (string?)crisis["source"]);
        Assert.Equal(3, _model.RequestCount);

        var events = await QueryAsync(app, "SELECT data FROM events WHERE tenant_id = @t AND name = 'budget_threshold_crossed' ORDER BY created_at", tenant.Id);
        Assert.Equal([80, 100], events.Select(e => (int)JsonNode.Parse(e)!["threshold"]!));
        Assert.Equal("offline", (string?)JsonNode.Parse(events[1])!["action"]);
        // The crisis raises its own alert too (the safety hook); the budget's are two, once each.
        var alerts = (await client.GetJsonAsync($"/api/v1/jobs?kind={JobKinds.AlertSend}"))["jobs"]!.AsArray();
        Assert.Equal(3, alerts.Count);
        var payloads = (await QueryAsync(app, $"SELECT payload FROM jobs WHERE tenant_id = @t AND kind = '{JobKinds.AlertSend}' ORDER BY created_at", tenant.Id))
            .Where(p => ((string)JsonNode.Parse(p)!["kind"]!).StartsWith("budget.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["budget.warning", "budget.exceeded"], payloads.Select(p => (string)JsonNode.Parse(p)!["kind"]!));
        Assert.Contains("offline until 00:00 UTC", (string?)JsonNode.Parse(payloads[1])!["summary"]);
        Assert.Equal(1.35, ratios[tenant.Id.ToString()], 3);

        // Another tenant has its own budget: still answered by the model.
        var other = await app.AddTenantAsync("other-" + Guid.NewGuid().ToString("N")[..8]);
        var otherClient = app.OperatorClient(other.Id);
        var otherSession = (string)(await otherClient.PostJsonAsync("/api/v1/sessions", new { agent = "assistant" }))["id"]!;
        _model.Reply("Cheap answer.", promptTokens: 10, completionTokens: 1);
        Assert.Equal("model", (string?)(await otherClient.PostJsonAsync($"/api/v1/sessions/{otherSession}/messages", new { message = "Hello" }))["source"]);
    }

    [Fact]
    public async Task Under_the_alert_action_the_model_keeps_answering_after_the_budget_is_spent()
    {
        await using var app = App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), "alert");
        var tenant = await app.AddTenantAsync("alert-" + Guid.NewGuid().ToString("N")[..8]);
        var client = app.OperatorClient(tenant.Id);
        var session = (string)(await client.PostJsonAsync("/api/v1/sessions", new { agent = "assistant" }))["id"]!;

        var sources = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            _model.Reply($"Paid answer {i}.", promptTokens: ExpensivePrompt, completionTokens: 0);
            sources.Add((string)(await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = "Which database do you use?" }))["source"]!);
        }

        Assert.Equal(["model", "model", "model", "model"], sources);
        var payloads = await QueryAsync(app, $"SELECT payload FROM jobs WHERE tenant_id = @t AND kind = '{JobKinds.AlertSend}' ORDER BY created_at", tenant.Id);
        Assert.Equal(["budget.warning", "budget.exceeded"], payloads.Select(p => (string)JsonNode.Parse(p)!["kind"]!));
        Assert.DoesNotContain("offline", (string?)JsonNode.Parse(payloads[1])!["summary"]);
    }

    [Fact]
    public async Task An_agents_own_budget_sends_only_that_agent_offline()
    {
        await using var app = App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), "offline", tenantBudget: null);
        var tenant = await app.AddTenantAsync("agent-" + Guid.NewGuid().ToString("N")[..8]);
        var db = app.Services.GetRequiredService<Database>();
        await using (var connection = await db.OpenAsync(Ct))
        {
            await connection.ExecuteAsync(
                "UPDATE agents SET settings = json_set(settings, '$.daily_budget_usd', 0.5) WHERE tenant_id = @t AND key = 'assistant'",
                new { t = db.Id(tenant.Id) });
        }

        var client = app.OperatorClient(tenant.Id);
        var session = (string)(await client.PostJsonAsync("/api/v1/sessions", new { agent = "assistant" }))["id"]!;
        _model.Reply("Paid answer.", promptTokens: ExpensivePrompt, completionTokens: 0);
        _model.Reply("Paid answer.", promptTokens: ExpensivePrompt, completionTokens: 0);
        var first = await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = "Which database do you use?" });
        var second = await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = "Which database do you use?" });
        var third = await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = "Which database do you use?" });

        Assert.Equal("model", (string?)first["source"]);
        Assert.Equal("model", (string?)second["source"]);
        Assert.Equal("offline", (string?)third["source"]);
        var scopes = await QueryAsync(app, "SELECT scope FROM budget_crossings WHERE tenant_id = @t ORDER BY threshold", tenant.Id);
        Assert.Equal(["agent:assistant", "agent:assistant"], scopes);
    }

    [Theory]
    [InlineData("DAILY_BUDGET_USD", "lots")]
    [InlineData("DAILY_BUDGET_USD", "-5")]
    [InlineData("DAILY_BUDGET_USD", "0")]
    [InlineData("BUDGET_ACTION", "shutdown")]
    public void A_bad_budget_setting_stops_the_start_naming_it(string name, string value)
    {
        var configuration = Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [name] = value }));

        var error = Assert.Throws<Concierge.Configuration.InvalidSettingException>(() => BudgetOptions.Bind(configuration));

        Assert.Contains(name, error.Message);
    }

    private ConciergeApp App(string databaseUrl, string action, string? tenantBudget = "1") => new(databaseUrl, new Dictionary<string, string?>
    {
        ["OPENAI_API_KEY"] = "sk-test-budget-0123456789",
        ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(),
        ["OPENAI_MODEL"] = "gpt-4o-mini",
        ["LLM_RETRY_BASE_DELAY"] = "10ms",
        ["DAILY_BUDGET_USD"] = tenantBudget,
        ["BUDGET_ACTION"] = action,
        ["Concierge:Jobs:PollInterval"] = "00:01:00",
    });

    private static async Task<List<string>> QueryAsync(ConciergeApp app, string sql, Guid tenantId)
    {
        var db = app.Services.GetRequiredService<Database>();
        await using var connection = await db.OpenAsync(Ct);
        return [.. await connection.QueryAsync<string>(sql, new { t = db.Id(tenantId) })];
    }

    private static MeterListener GaugeListener(Dictionary<string, double> ratios)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == BudgetTelemetry.UsedRatio)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            string? tenant = null;
            string? agent = null;
            foreach (var tag in tags)
            {
                tenant = tag.Key == "tenant" ? (string?)tag.Value : tenant;
                agent = tag.Key == "agent" ? (string?)tag.Value : agent;
            }

            if (tenant is not null && agent is null)
            {
                lock (ratios)
                {
                    ratios[tenant] = value;
                }
            }
        });
        listener.Start();
        return listener;
    }
}
