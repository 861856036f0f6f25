using Concierge.Server.WhatsApp;
using System.Net;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Storage;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Templates;
using Concierge.Testing.FakeGraph;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Templates;

/// <summary>The templates API against a fake Graph API on loopback, on SQLite.</summary>
public sealed class TemplatesApiTests : IAsyncLifetime
{
    private const string Token = "EAAGtestSecretToken0123456789abcdef";
    private const string WabaId = "102290129340398";
    private static readonly Guid OtherTenantId = Guid.Parse("00000000-0000-7000-8000-0000000000f3");

    private FakeGraphServer _graph = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _graph = await FakeGraphServer.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _graph.DisposeAsync();

    private async Task<ConciergeApp> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WHATSAPP_GRAPH_BASE_URL"] = _graph.BaseUrl.ToString(),
            ["WHATSAPP_GRAPH_VERSION"] = "v21.0",
            ["WHATSAPP_WABA_ID"] = WabaId,
            ["WHATSAPP_ACCESS_TOKEN"] = Token,
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), settings);
    }

    private static async Task<StoredTemplate> SaveAsync(ConciergeApp app, Guid tenantId, JsonObject payload) =>
        await app.Services.GetRequiredService<ITemplateStore>().SaveFinalAsync(tenantId, null, payload, Ct);

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal($"urn:concierge:problem:{code}", (string?)problem["type"]);
        Assert.NotNull(problem["request_id"]);
        return problem;
    }

    private static void AssertNoToken(ConciergeApp app, params string[] bodies)
    {
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(Token, StringComparison.Ordinal));
        Assert.All(bodies, body => Assert.DoesNotContain(Token, body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_list_and_a_template_are_the_tenants_own()
    {
        await using var app = await StartAsync();
        var client = app.OperatorClient();
        await app.Services.GetRequiredService<TenantSeeder>().EnsureAsync(OtherTenantId, "Other", [], Ct);
        var first = await SaveAsync(app, DemoTenant.TenantId, TemplateSamples.Payload("order_shipped"));
        var second = await SaveAsync(app, DemoTenant.TenantId, TemplateSamples.Payload("order_delayed"));
        var foreign = await SaveAsync(app, OtherTenantId, TemplateSamples.Payload("secret_campaign"));

        var list = await client.GetJsonAsync("/api/v1/templates");
        var one = await client.GetJsonAsync($"/api/v1/templates/{first.Id}");

        Assert.Equal([second.Id.ToString(), first.Id.ToString()], list["templates"]!.AsArray().Select(t => (string?)t!["id"]));
        Assert.Equal("DRAFT", (string?)one["status"]);
        Assert.Equal("order_shipped", (string?)one["name"]);
        Assert.Equal("en_US", (string?)one["language"]);
        Assert.True(JsonNode.DeepEquals(TemplateSamples.Payload("order_shipped"), one["payload"]));
        Assert.True(one.ContainsKey("meta_template_id") && one.ContainsKey("rejection_reason") && one.ContainsKey("created_at"));

        using var other = await client.GetAsync($"/api/v1/templates/{foreign.Id}", Ct);
        using var unknown = await client.GetAsync($"/api/v1/templates/{Guid.NewGuid()}", Ct);
        using var malformed = await client.GetAsync("/api/v1/templates/not-a-guid", Ct);
        using var submitForeign = await client.PostAsync($"/api/v1/templates/{foreign.Id}/submit", null, Ct);
        await ProblemAsync(other, HttpStatusCode.NotFound, "template_not_found");
        await ProblemAsync(unknown, HttpStatusCode.NotFound, "template_not_found");
        await ProblemAsync(malformed, HttpStatusCode.NotFound, "template_not_found");
        await ProblemAsync(submitForeign, HttpStatusCode.NotFound, "template_not_found");
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task Submitting_sends_the_exact_payload_with_the_token_and_stores_metas_answer()
    {
        await using var app = await StartAsync();
        var client = app.OperatorClient();
        var payload = TemplateSamples.Payload();
        var template = await SaveAsync(app, DemoTenant.TenantId, payload);
        _graph.Created("594425479261596", "PENDING", "MARKETING");

        using var response = await client.PostAsync($"/api/v1/templates/{template.Id}/submit", null, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var submitted = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("594425479261596", (string?)submitted["meta_template_id"]);
        Assert.Equal("PENDING", (string?)submitted["status"]);
        Assert.Equal("MARKETING", (string?)submitted["category"]);
        Assert.NotNull(submitted["submitted_at"]);

        var request = Assert.Single(_graph.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v21.0/{WabaId}/message_templates", request.Path);
        Assert.Equal($"Bearer {Token}", request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.True(JsonNode.DeepEquals(payload, request.Body), request.RawBody);

        var stored = await client.GetJsonAsync($"/api/v1/templates/{template.Id}");
        Assert.Equal("PENDING", (string?)stored["status"]);

        // Already at Meta: a second submit is refused without calling Meta again.
        using var again = await client.PostAsync($"/api/v1/templates/{template.Id}/submit", null, Ct);
        await ProblemAsync(again, HttpStatusCode.Conflict, "template_already_submitted");
        Assert.Single(_graph.Requests);
        AssertNoToken(app, text);
    }

    [Fact]
    public async Task A_meta_rule_error_is_a_422_problem_with_metas_codes_and_user_message()
    {
        await using var app = await StartAsync();
        var client = app.OperatorClient();
        var template = await SaveAsync(app, DemoTenant.TenantId, TemplateSamples.Payload());
        _graph.RuleError("Variables can't be at the start or end of the template.");

        using var response = await client.PostAsync($"/api/v1/templates/{template.Id}/submit", null, Ct);
        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "whatsapp_rejected");

        Assert.Equal(100, (int?)problem["meta_code"]);
        Assert.Equal(2388299, (int?)problem["meta_subcode"]);
        Assert.Equal("Variables can't be at the start or end of the template.", (string?)problem["error_user_msg"]);
        Assert.Equal("Variables can't be at the start or end of the template.", (string?)problem["detail"]);
        Assert.Equal("Leading or trailing params not allowed", (string?)problem["error_user_title"]);
        Assert.Equal("AbCdEfGhIjK", (string?)problem["fbtrace_id"]);
        Assert.Equal("DRAFT", (string?)(await client.GetJsonAsync($"/api/v1/templates/{template.Id}"))["status"]);
        AssertNoToken(app, problem.ToJsonString());
    }

    [Fact]
    public async Task An_expired_token_is_a_403_problem_that_never_shows_the_token()
    {
        await using var app = await StartAsync();
        var client = app.OperatorClient();
        var template = await SaveAsync(app, DemoTenant.TenantId, TemplateSamples.Payload());
        _graph.ExpiredToken();

        using var response = await client.PostAsync($"/api/v1/templates/{template.Id}/submit", null, Ct);
        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden, "whatsapp_unauthorized");

        Assert.Equal(190, (int?)problem["meta_code"]);
        Assert.Equal("OAuthException", (string?)problem["meta_type"]);
        Assert.Contains("WHATSAPP_ACCESS_TOKEN", (string?)problem["detail"]);
        Assert.Equal($"Bearer {Token}", Assert.Single(_graph.Requests).Header("Authorization"));
        AssertNoToken(app, problem.ToJsonString());
    }

    [Fact]
    public async Task Meta_failing_is_a_502_problem()
    {
        await using var app = await StartAsync();
        var client = app.OperatorClient();
        var template = await SaveAsync(app, DemoTenant.TenantId, TemplateSamples.Payload());
        _graph.Raw(503, "<html>Service Unavailable</html>", "text/html");
        _graph.Error(500, 2, type: "OAuthException", message: "Service temporarily unavailable");

        using var html = await client.PostAsync($"/api/v1/templates/{template.Id}/submit", null, Ct);
        using var graphError = await client.PostAsync($"/api/v1/templates/{template.Id}/submit", null, Ct);

        await ProblemAsync(html, HttpStatusCode.BadGateway, "whatsapp_failed");
        Assert.Equal(2, (int?)(await ProblemAsync(graphError, HttpStatusCode.BadGateway, "whatsapp_failed"))["meta_code"]);
    }

    [Fact]
    public async Task Meta_not_answering_in_time_is_a_504_problem()
    {
        await using var app = await StartAsync(new() { ["WHATSAPP_REQUEST_TIMEOUT"] = "500ms" });
        var client = app.OperatorClient();
        var template = await SaveAsync(app, DemoTenant.TenantId, TemplateSamples.Payload());
        _graph.Hang(TimeSpan.FromSeconds(30));

        var started = System.Diagnostics.Stopwatch.StartNew();
        using var response = await client.PostAsync($"/api/v1/templates/{template.Id}/submit", null, Ct);

        await ProblemAsync(response, HttpStatusCode.GatewayTimeout, "whatsapp_timeout");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
        Assert.Equal("DRAFT", (string?)(await client.GetJsonAsync($"/api/v1/templates/{template.Id}"))["status"]);
    }

    [Fact]
    public async Task Without_a_waba_id_and_token_submitting_names_the_settings_to_set()
    {
        await using var app = await StartAsync(new() { ["WHATSAPP_WABA_ID"] = null, ["WHATSAPP_ACCESS_TOKEN"] = null });
        var client = app.OperatorClient();
        var template = await SaveAsync(app, DemoTenant.TenantId, TemplateSamples.Payload());

        using var response = await client.PostAsync($"/api/v1/templates/{template.Id}/submit", null, Ct);
        var problem = await ProblemAsync(response, HttpStatusCode.Conflict, "whatsapp_not_configured");

        Assert.Contains("WHATSAPP_WABA_ID", (string?)problem["detail"]);
        Assert.Contains("WHATSAPP_ACCESS_TOKEN", (string?)problem["detail"]);
        Assert.Equal(["WHATSAPP_WABA_ID", "WHATSAPP_ACCESS_TOKEN"], problem["missing_settings"]!.AsArray().Select(n => (string?)n));
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task A_tenant_submits_through_its_own_WhatsApp_account_and_a_tenant_without_one_is_told_to_add_it()
    {
        await using var app = await StartAsync();
        var acme = await app.AddTenantAsync("acme");
        var bare = await app.AddTenantAsync("bare");
        using var added = await app.AdminClient(acme.Id).PostAsync("/api/v1/channels/accounts", Json.Body("""
            {"provider":"whatsapp","address":"200000000000001","waba_id":"300000000000001",
             "access_token":"EAAB-acme-token-value","app_secret":"acme_app_secret_value","verify_token":"acme-verify"}
            """), Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var own = await SaveAsync(app, acme.Id, TemplateSamples.Payload());
        var none = await SaveAsync(app, bare.Id, TemplateSamples.Payload());
        _graph.Created("594425479261600", "PENDING", "UTILITY");

        using var submitted = await app.OperatorClient(acme.Id).PostAsync($"/api/v1/templates/{own.Id}/submit", null, Ct);
        using var refused = await app.OperatorClient(bare.Id).PostAsync($"/api/v1/templates/{none.Id}/submit", null, Ct);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("594425479261600", (string?)(await submitted.ReadObjectAsync())["meta_template_id"]);
        var request = Assert.Single(_graph.Requests);
        Assert.Equal("/v21.0/300000000000001/message_templates", request.Path);
        Assert.Equal("Bearer EAAB-acme-token-value", request.Header("Authorization"));
        var problem = await ProblemAsync(refused, HttpStatusCode.Conflict, "whatsapp_not_configured");
        Assert.Contains("/api/v1/channels/accounts", (string?)problem["detail"]);
    }

}
