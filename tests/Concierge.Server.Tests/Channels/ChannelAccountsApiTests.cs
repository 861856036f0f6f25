using System.Net;
using Concierge.Server.Channels;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Storage.Channels;
using Concierge.Tenants;
using Concierge.Testing.FakeGraph;
using Microsoft.Extensions.DependencyInjection;
using static Concierge.Server.Tests.Channels.ChannelFixtures;

namespace Concierge.Server.Tests.Channels;

/// <summary>Channel accounts per tenant: the admin API, secrets sealed at rest and never returned, routing by business number.</summary>
public sealed class ChannelAccountsApiTests
{
    private const string AccountBody = """
        {"provider":"whatsapp","address":"200000000000001","waba_id":"300000000000001","agent":"assistant",
         "access_token":"EAAB-acme-token-value","app_secret":"acme_app_secret_value","verify_token":"acme-verify",
         "window_template":{"name":"follow_up","language":"en-US"}}
        """;

    [Fact]
    public async Task An_admin_adds_lists_and_deletes_an_account_and_its_secrets_never_come_back()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var tenant = await app.AddTenantAsync("acme");
        var admin = app.AdminClient(tenant.Id);

        using var created = await admin.PostAsync("/api/v1/channels/accounts", Json.Body(AccountBody), Ct);
        var text = await created.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain("acme_app_secret_value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("EAAB-acme-token-value", text, StringComparison.Ordinal);
        var view = await created.ReadObjectAsync();
        Assert.Equal(["access_token", "app_secret", "verify_token"], view["secrets_set"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal("en_US", view["window_template"]!["language"]!.GetValue<string>());

        var listed = await admin.GetStringAsync("/api/v1/channels/accounts", Ct);
        Assert.Contains("200000000000001", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("acme_app_secret_value", listed, StringComparison.Ordinal);

        // At rest: sealed, not the plain value.
        var stored = Assert.Single(await app.Services.GetRequiredService<SqlChannelStore>().TenantAccountsAsync(tenant.Id, Ct));
        Assert.DoesNotContain("acme_app_secret_value", stored.ProtectedSecrets, StringComparison.Ordinal);

        var id = view["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound, (await app.AdminClient().DeleteAsync($"/api/v1/channels/accounts/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/channels/accounts/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/channels/accounts/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/v1/channels/accounts/not-a-guid", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("""{"provider":"telegram","address":"1"}""", "provider")]
    [InlineData("""{"provider":"whatsapp","address":"+1 555","access_token":"a","app_secret":"b"}""", "address")]
    [InlineData("""{"provider":"whatsapp","address":"123","app_secret":"b"}""", "access_token")]
    [InlineData("""{"provider":"whatsapp","address":"123","access_token":"a"}""", "app_secret")]
    [InlineData("""{"provider":"whatsapp","address":"123","access_token":"a","app_secret":"b","agent":"nobody"}""", "agent")]
    [InlineData("""{"provider":"twilio","address":"whatsapp:+14155238886","auth_token":"t","account_sid":"AC1"}""", "account_sid")]
    [InlineData("""{"provider":"twilio","address":"whatsapp:+14155238886","account_sid":"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""", "auth_token")]
    [InlineData("""{"provider":"whatsapp","address":"123","access_token":"a b","app_secret":"b"}""", "access_token")]
    public async Task A_bad_account_is_400_naming_the_field(string body, string field)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));

        using var response = await app.AdminClient().PostAsync("/api/v1/channels/accounts", Json.Body(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_types_a_taken_number_and_a_non_admin_are_refused()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var admin = app.AdminClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/v1/channels/accounts", Json.Body("""{"provider":7}"""), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/v1/channels/accounts", Json.Body("[1,2]"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/channels/accounts", Json.Body(AccountBody), Ct)).StatusCode);
        var other = await app.AddTenantAsync("other");
        Assert.Equal(HttpStatusCode.Conflict, (await app.AdminClient(other.Id).PostAsync("/api/v1/channels/accounts", Json.Body(AccountBody), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.OperatorClient().PostAsync("/api/v1/channels/accounts", Json.Body(AccountBody), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.OperatorClient().GetAsync("/api/v1/channels/accounts", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_single_account_settings_are_the_demo_tenants_default_account()
    {
        await using var graph = await FakeGraphServer.StartAsync(Ct);
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), Settings(graph.BaseUrl));

        var accounts = (await app.AdminClient().GetJsonAsync("/api/v1/channels/accounts"))["accounts"]!.AsArray();

        var configured = Assert.Single(accounts);
        Assert.True(configured!["configured"]!.GetValue<bool>());
        Assert.Equal(PhoneNumberId, configured["address"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await app.AdminClient().DeleteAsync($"/api/v1/channels/accounts/{configured["id"]}", Ct)).StatusCode);
        var other = await app.AddTenantAsync("other");
        Assert.Empty((await app.AdminClient(other.Id).GetJsonAsync("/api/v1/channels/accounts"))["accounts"]!.AsArray());
    }

    [Fact]
    public async Task A_message_to_a_stored_accounts_number_signed_with_its_app_secret_reaches_its_tenant_and_agent()
    {
        await using var graph = await FakeGraphServer.StartAsync(Ct);
        var url = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var settings = Settings(graph.BaseUrl);
        Guid tenantId;
        await using (var first = new ConciergeApp(url, settings))
        {
            tenantId = (await first.AddTenantAsync("acme")).Id;
            Assert.Equal(HttpStatusCode.Created, (await first.AdminClient(tenantId).PostAsync("/api/v1/channels/accounts", Json.Body(AccountBody), Ct)).StatusCode);
        }

        // A restart (a new process on the same database and SECRET_KEY) opens the secrets again.
        await using var app = new ConciergeApp(url, settings);
        var json = Text("What can you do?", "wamid.acme", phoneNumberId: "200000000000001");
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostSignedAsync(app.Client(), json, "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(app.Client(), json, "acme_app_secret_value")).StatusCode);

        var sent = await EventuallyAsync(async () => graph.Sent.FirstOrDefault(), "the acme reply");
        Assert.Equal("/v21.0/200000000000001/messages", sent.Path);
        Assert.Equal("Bearer EAAB-acme-token-value", sent.Headers["Authorization"]);
        var sessions = (await app.OperatorClient(tenantId).GetJsonAsync("/api/v1/sessions"))["sessions"]!.AsArray();
        Assert.Equal("whatsapp", Assert.Single(sessions)!["channel"]!.GetValue<string>());
        Assert.Null(await SessionIdAsync(app.OperatorClient()));

        // The demo tenant's app secret does not open acme's number.
        await PostSignedAsync(app.Client(), Text("hi", "wamid.cross", phoneNumberId: "200000000000001"));
        await Task.Delay(400, Ct);
        Assert.Single(graph.Sent);
    }

    [Fact]
    public async Task Another_SECRET_KEY_cannot_open_the_stored_secrets()
    {
        var url = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using (var first = new ConciergeApp(url))
        {
            Assert.Equal(HttpStatusCode.Created, (await first.AdminClient().PostAsync("/api/v1/channels/accounts", Json.Body(AccountBody), Ct)).StatusCode);
        }

        await using var app = new ConciergeApp(url, new Dictionary<string, string?> { ["SECRET_KEY"] = "another-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz" });
        var all = await app.Services.GetRequiredService<ChannelAccountDirectory>().AllAsync(Ct);

        Assert.DoesNotContain(all, a => a.Address == "200000000000001");
    }
}
