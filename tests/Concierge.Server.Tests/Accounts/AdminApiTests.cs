using System.Net;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Accounts;

public sealed class AdminApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task An_admin_creates_a_user_and_a_key_of_their_tenant_and_another_tenant_sees_neither(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind));
        var other = await app.AddTenantAsync("acme");
        var admin = app.AdminClient();

        var user = await admin.PostJsonAsync("/api/v1/users", new { username = "op@example.com", password = "a long password", role = "operator" });
        var key = await admin.PostJsonAsync("/api/v1/keys", new { name = "crm", role = "operator" });
        var otherUsers = await app.AdminClient(other.Id).GetJsonAsync("/api/v1/users");
        var otherKeys = await app.AdminClient(other.Id).GetJsonAsync("/api/v1/keys");
        using var withKey = await app.WithBearer((string)key["key"]!).GetAsync("/api/v1/templates", Ct);

        Assert.Equal("operator", (string?)user["role"]);
        Assert.Null(user["password_hash"]);
        Assert.StartsWith("ck_live_", (string)key["key"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(otherUsers["users"]!.AsArray(), u => (string?)u!["username"] == "op@example.com");
        Assert.Empty(otherKeys["keys"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }

    [Fact]
    public async Task A_new_tenant_starts_with_the_stock_agents_with_their_own_public_keys_and_debug_closed()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var tenant = await app.AddTenantAsync("acme");
        var agents = app.Services.GetRequiredService<Concierge.Agents.IAgentCatalog>();

        var demo = await agents.FindByKeyAsync(tenant.Id, "demo", Ct);
        var assistant = await agents.FindByKeyAsync(tenant.Id, "assistant", Ct);

        Assert.NotNull(demo);
        Assert.NotNull(assistant);
        Assert.NotEqual(Concierge.Agents.DemoTenant.AgentId, demo.Id);
        Assert.StartsWith("pk_", demo.PublicKey, StringComparison.Ordinal);
        Assert.NotEqual(Concierge.Agents.DemoTenant.AgentPublicKey, demo.PublicKey);
        Assert.False(demo.ExposeDebug);
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "/api/v1/users", """{"username":"op@example.com","password":"a long password"}""", "role" },
        { "/api/v1/users", """{"password":"a long password","role":"operator"}""", "username" },
        { "/api/v1/users", """{"username":"op@example.com","role":"operator"}""", "password" },
        { "/api/v1/users", """{"username":"op@example.com","password":"short","role":"operator"}""", "password" },
        { "/api/v1/users", """{"username":"Robert'); DROP TABLE users;--","password":"a long password","role":"operator"}""", "username" },
        { "/api/v1/users", """{"username":"ópé@example.com","password":"a long password","role":"operator"}""", "username" },
        { "/api/v1/users", """{"username":"op@example.com","password":"a long password","role":"root"}""", "role" },
        { "/api/v1/users", """{"username":42,"password":"a long password","role":"operator"}""", "username" },
        { "/api/v1/keys", """{"role":"operator"}""", "name" },
        { "/api/v1/keys", """{"name":"crm","role":"customer"}""", "role" },
        { "/api/v1/keys", """{"name":"a\u0000b","role":"operator"}""", "name" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_admin_request_is_a_4xx_naming_the_field_and_writes_nothing(string path, string body, string field)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var admin = app.AdminClient();

        using var response = await admin.PostAsync(path, Json.Body(body), Ct);
        var problem = await response.ReadObjectAsync();
        var users = await admin.GetJsonAsync("/api/v1/users");
        var keys = await admin.GetJsonAsync("/api/v1/keys");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (string?)problem["field"]);
        Assert.Single(users["users"]!.AsArray()); // the admin signed in for the test
        Assert.Empty(keys["keys"]!.AsArray());
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Broken_json_on_the_admin_api_is_a_400_and_a_taken_username_a_409(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind));
        var admin = app.AdminClient();
        await admin.PostJsonAsync("/api/v1/users", new { username = "op@example.com", password = "a long password", role = "operator" });

        using var broken = await admin.PostAsync("/api/v1/users", Json.Body("""{"username": """), Ct);
        using var taken = await admin.PostAsync("/api/v1/users", Json.Body("""{"username":"OP@example.com","password":"another password","role":"customer"}"""), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("username", (string?)(await taken.ReadObjectAsync())["field"]);
    }

    [Fact]
    public async Task A_customer_sees_only_their_own_sessions()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var ana = app.ClientAs(Role.Customer);
        var bob = app.ClientAs(Role.Customer);
        var mine = await ana.PostJsonAsync("/api/v1/sessions", new { agent = "assistant", customer_id = "someone-else" });

        using var own = await ana.GetAsync($"/api/v1/sessions/{mine["id"]}", Ct);
        using var theirs = await bob.GetAsync($"/api/v1/sessions/{mine["id"]}", Ct);
        using var send = await bob.PostAsync($"/api/v1/sessions/{mine["id"]}/messages", Json.Body("""{"message":"hi"}"""), Ct);
        using var list = await ana.GetAsync("/api/v1/sessions", Ct);

        Assert.NotEqual("someone-else", (string?)mine["customer_id"]);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_deleted_users_token_stops_working_at_once_and_only_an_admin_of_their_tenant_may_delete_them(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind));
        var other = await app.AddTenantAsync("acme");
        var admin = app.AdminClient();
        var operatorUser = app.AddUser(Role.Operator);
        var operatorClient = app.WithBearer(app.Services.GetRequiredService<Concierge.Server.Accounts.AccessTokenIssuer>().Issue(operatorUser));
        using var before = await operatorClient.GetAsync("/api/v1/sessions", Ct);

        using var byStranger = await app.AdminClient(other.Id).DeleteAsync($"/api/v1/users/{operatorUser.Id}", Ct);
        using var byOperator = await operatorClient.DeleteAsync($"/api/v1/users/{operatorUser.Id}", Ct);
        using var deleted = await admin.DeleteAsync($"/api/v1/users/{operatorUser.Id}", Ct);
        using var after = await operatorClient.GetAsync("/api/v1/sessions", Ct);
        using var again = await admin.DeleteAsync($"/api/v1/users/{operatorUser.Id}", Ct);
        using var garbage = await admin.DeleteAsync("/api/v1/users/not-a-user", Ct);
        var users = await admin.GetJsonAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("id", (string?)(await garbage.ReadObjectAsync())["field"]);
        Assert.DoesNotContain(users["users"]!.AsArray(), u => (string?)u!["id"] == operatorUser.Id.ToString());
    }

    [Fact]
    public async Task A_token_whose_role_is_not_the_users_role_is_refused()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var user = app.AddUser(Role.Operator);
        var issuer = app.Services.GetRequiredService<Concierge.Server.Accounts.AccessTokenIssuer>();

        // A token issued when the user was an admin (the role has since changed) grants nothing.
        using var promoted = await app.WithBearer(issuer.Issue(user with { Role = Role.Admin })).GetAsync("/api/v1/users", Ct);
        using var current = await app.WithBearer(issuer.Issue(user)).GetAsync("/api/v1/sessions", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, promoted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_delete_their_own_user()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var me = app.AddUser(Role.Admin);
        var client = app.WithBearer(app.Services.GetRequiredService<Concierge.Server.Accounts.AccessTokenIssuer>().Issue(me));

        using var response = await client.DeleteAsync($"/api/v1/users/{me.Id}", Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users", Ct)).StatusCode);
    }
}
