using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Agents;

public sealed class AgentsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task An_admin_changes_an_agents_settings_and_the_next_call_uses_them(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind));
        var tenant = await app.AddTenantAsync("acme");
        var admin = app.AdminClient(tenant.Id);
        var before = await admin.GetJsonAsync("/api/v1/agents/assistant");
        var oldKey = (string)before["public_key"]!;
        // A call before the change, so the agent sits in the catalog's cache.
        Assert.Equal(HttpStatusCode.Created, (await StartAnonymousAsync(app, oldKey)).StatusCode);

        using var patched = await PatchAsync(admin, "assistant", """
            {"name":"Front desk","instructions":"Answer as the front desk.","temperature":0.7,"model":"gpt-4o-mini","expose_debug":true,"public_key":"pk_acme_front_desk"}
            """);
        var after = await patched.ReadObjectAsync();
        var listed = (await admin.GetJsonAsync("/api/v1/agents"))["agents"]!.AsArray().Single(a => (string?)a!["key"] == "assistant")!;
        using var withOldKey = await StartAnonymousAsync(app, oldKey);
        using var withNewKey = await StartAnonymousAsync(app, "pk_acme_front_desk");
        using var modelCleared = await PatchAsync(admin, "assistant", """{"model":null}""");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Front desk", (string?)after["name"]);
        Assert.Equal("Answer as the front desk.", (string?)listed["instructions"]);
        Assert.Equal(0.7, (double)listed["temperature"]!);
        Assert.Equal("gpt-4o-mini", (string?)listed["model"]);
        Assert.True((bool)listed["expose_debug"]!);
        Assert.Equal((string?)before["skill"], (string?)listed["skill"]);
        Assert.Equal(HttpStatusCode.Unauthorized, withOldKey.StatusCode);
        Assert.Equal(HttpStatusCode.Created, withNewKey.StatusCode);
        Assert.Null((await modelCleared.ReadObjectAsync())["model"]);
    }

    [Fact]
    public async Task Turning_an_agents_guardrail_off_stops_crisis_detection_on_its_next_turn_and_on_brings_it_back()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var admin = app.AdminClient();
        var customer = app.ClientAs(Concierge.Tenants.Role.Customer);
        var session = await customer.NewSessionAsync();

        var guarded = await SendAsync(customer, session, "I want to end my life tonight");
        using var off = await PatchAsync(admin, "demo", """{"crisis_detection":false}""");
        var unguarded = await SendAsync(customer, await customer.NewSessionAsync(), "I want to end my life tonight");
        using var on = await PatchAsync(admin, "demo", """{"crisis_detection":true}""");
        var guardedAgain = await SendAsync(customer, await customer.NewSessionAsync(), "I want to end my life tonight");

        Assert.True(IsCrisis(guarded));
        Assert.False((bool)(await off.ReadObjectAsync())["crisis_detection"]!);
        Assert.False(IsCrisis(unguarded));
        Assert.True((bool)(await on.ReadObjectAsync())["crisis_detection"]!);
        Assert.True(IsCrisis(guardedAgain));
    }

    [Fact]
    public async Task An_operator_reads_the_agents_but_may_not_change_them()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var staff = app.OperatorClient();

        var agents = (await staff.GetJsonAsync("/api/v1/agents"))["agents"]!.AsArray();
        using var patch = await PatchAsync(staff, "demo", """{"temperature":1}""");
        using var anonymous = await app.Client().GetAsync("/api/v1/agents", Ct);

        Assert.Contains(agents, a => (string?)a!["key"] == "demo" && (bool)a["is_default"]!);
        Assert.Single(agents, a => (bool)a!["is_default"]!);
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static readonly (string Body, string Field)[] BadPatches =
    [
        ("""{"temperature":3}""", "temperature"),
        ("""{"temperature":"hot"}""", "temperature"),
        ("""{"name":""}""", "name"),
        ("""{"name":42}""", "name"),
        ("""{"instructions":null}""", "instructions"),
        ("""{"model":"gpt 4; drop"}""", "model"),
        ("""{"public_key":"short"}""", "public_key"),
        ("""{"public_key":"pk_<script>alert(1)</script>"}""", "public_key"),
        ("""{"crisis_detection":"no"}""", "crisis_detection"),
        ("""{"expose_debug":1}""", "expose_debug"),
        ("""{"skill":"bookings"}""", "skill"),
        ("""{}""", "body"),
        ("""[{"name":"x"}]""", "body"),
        ("""{"name":"Front\u0000desk"}""", "name"),
        ("""{"instructions":"Be brief.\u0000"}""", "instructions"),
        ("""{"instructions":"Be brief.\u001b[2J"}""", "instructions"),
        ("""{"instructions":"\ud800 alone"}""", "instructions"),
        ("""{"name":"\udc00"}""", "name"),
        ("""{"temperature":0.5,"temperature":1.5}""", "temperature"),
        ("""{"daily_budget_usd":0}""", "daily_budget_usd"),
        ("""{"daily_budget_usd":"5"}""", "daily_budget_usd"),
        ("""{"daily_budget_usd":1e30}""", "daily_budget_usd"),
        ("""{"double_texting":"queue"}""", "double_texting"),
        ("""{"double_texting":true}""", "double_texting"),
        ("""{"double_texting":"\ud800"}""", "double_texting"),
    ];

    public static TheoryData<string, string, DatabaseKind> BadPatchesOnEachDatabase()
    {
        var data = new TheoryData<string, string, DatabaseKind>();
        foreach (var kind in new[] { DatabaseKind.Sqlite, DatabaseKind.Postgres })
        {
            foreach (var (body, field) in BadPatches)
            {
                data.Add(body, field, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadPatchesOnEachDatabase))]
    public async Task A_bad_change_is_a_400_naming_the_field_and_changes_nothing(string body, string field, DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind));
        var admin = app.AdminClient();
        var before = await admin.GetJsonAsync("/api/v1/agents/demo");

        using var response = await PatchAsync(admin, "demo", body);
        var problem = await response.ReadObjectAsync();
        var after = await admin.GetJsonAsync("/api/v1/agents/demo");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, (string?)problem["field"]);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Instructions_of_several_lines_with_tabs_and_emoji_are_stored_as_sent(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind));
        var admin = app.AdminClient();
        const string Instructions = "You are the front desk of Café Luz 🌞.\r\n\tAnswer in two sentences.\nNever promise a refund.";

        using var patched = await admin.PatchAsJsonAsync("/api/v1/agents/assistant", new { instructions = Instructions }, Ct);
        var stored = await admin.GetJsonAsync("/api/v1/agents/assistant");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(Instructions, (string?)stored["instructions"]);
    }

    [Fact]
    public async Task An_agents_own_budget_and_double_texting_are_set_and_cleared_without_touching_its_other_settings()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var admin = app.AdminClient();
        var before = await admin.GetJsonAsync("/api/v1/agents/hibachi");

        using var set = await PatchAsync(admin, "hibachi", """{"daily_budget_usd":4.5,"double_texting":"reject"}""");
        var afterSet = await set.ReadObjectAsync();
        using var cleared = await PatchAsync(admin, "hibachi", """{"daily_budget_usd":null,"double_texting":"enqueue"}""");
        var afterClear = await cleared.ReadObjectAsync();

        Assert.Equal(4.5m, (decimal)afterSet["daily_budget_usd"]!);
        Assert.Equal("reject", (string?)afterSet["double_texting"]);
        Assert.Null(afterClear["daily_budget_usd"]);
        Assert.Equal("enqueue", (string?)afterClear["double_texting"]);
        Assert.Equal((bool)before["detect_emotions"]!, (bool)afterClear["detect_emotions"]!);
        Assert.Equal((string?)before["public_key"], (string?)afterClear["public_key"]);
    }

    [Fact]
    public async Task Another_tenants_public_key_is_a_409_and_another_tenants_agent_is_out_of_reach()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var acme = await app.AddTenantAsync("acme");
        var demoAdmin = app.AdminClient();
        var acmeKey = (string)(await app.AdminClient(acme.Id).GetJsonAsync("/api/v1/agents/demo"))["public_key"]!;

        using var taken = await PatchAsync(demoAdmin, "demo", $$"""{"public_key":"{{acmeKey}}"}""");
        using var missing = await PatchAsync(demoAdmin, "no-such-agent", """{"temperature":1}""");
        using var renamed = await PatchAsync(demoAdmin, "demo", """{"name":"Only the demo tenant's"}""");
        var acmeDemo = await app.AdminClient(acme.Id).GetJsonAsync("/api/v1/agents/demo");

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("public_key", (string?)(await taken.ReadObjectAsync())["field"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.NotEqual("Only the demo tenant's", (string?)acmeDemo["name"]);
        Assert.Equal(acmeKey, (string?)acmeDemo["public_key"]);
    }

    private static bool IsCrisis(JsonObject turn) => turn["user_message"]?["safety"]?["crisis"] is JsonValue crisis && (bool)crisis;

    private static async Task<HttpResponseMessage> StartAnonymousAsync(ConciergeApp app, string publicKey)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Agent-Key", publicKey);
        return await client.PostAsync("/api/v1/sessions", Json.Body("{}"), Ct);
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string key, string body) =>
        client.PatchAsync($"/api/v1/agents/{key}", Json.Body(body), Ct);

    private static async Task<JsonObject> SendAsync(HttpClient client, string session, string message)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/sessions/{session}/messages", new { message }, Ct);
        response.EnsureSuccessStatusCode();
        return await response.ReadObjectAsync();
    }
}
