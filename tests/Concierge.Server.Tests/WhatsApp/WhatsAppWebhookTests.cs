using Concierge.Server.WhatsApp;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Server.Tests.Templates;

using Concierge.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.WhatsApp;

/// <summary>Meta's WhatsApp webhook: the verification handshake, the signature, template status updates.</summary>
public sealed class WhatsAppWebhookTests
{
    private const string VerifyToken = "meatyhamhock";
    private const string AppSecret = "my_app_secret";
    private const string WabaId = "102290129340398";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ConciergeApp> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WHATSAPP_VERIFY_TOKEN"] = VerifyToken,
            ["WHATSAPP_APP_SECRET"] = AppSecret,
            ["WHATSAPP_WABA_ID"] = WabaId,
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), settings);
    }

    // Computed here, independently of the server's code, over the exact bytes sent.
    private static string Sign(byte[] body, string secret = AppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = Json.Raw(body) };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        }

        return await client.SendAsync(request, Ct);
    }

    private static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string json) =>
        PostAsync(client, Encoding.UTF8.GetBytes(json), Sign(Encoding.UTF8.GetBytes(json)));

    // Meta's own example shape (FACTS.md §1.7), with a hyphenated language as Meta prints it.
    private static string StatusUpdate(string @event, long? metaId, string name, string language, string? reason = "NONE", long time = 1790000000) =>
        $$"""
        {"object":"whatsapp_business_account","entry":[{"id":"{{WabaId}}","time":{{time}},"changes":[{"value":{"event":"{{@event}}",{{(metaId is null ? "" : $"\"message_template_id\":{metaId},")}}"message_template_name":"{{name}}","message_template_language":"{{language}}","reason":{{(reason is null ? "null" : $"\"{reason}\"")}}},"field":"message_template_status_update"}]}]}
        """;

    private static async Task<StoredTemplate> TemplateAsync(ConciergeApp app, Guid id) =>
        (await app.Services.GetRequiredService<ITemplateStore>().FindAsync(DemoTenant.TenantId, id, Ct))!;

    private static async Task<StoredTemplate> SubmittedAsync(ConciergeApp app, string metaId, string language = "en_US")
    {
        var store = app.Services.GetRequiredService<ITemplateStore>();
        var saved = await store.SaveFinalAsync(DemoTenant.TenantId, null, TemplateSamples.Payload(language: language), Ct);
        return (await store.MarkSubmittedAsync(DemoTenant.TenantId, saved.Id, metaId, TemplateStatus.Pending, "UTILITY", Ct))!;
    }

    [Fact]
    public void The_signature_matches_the_known_vectors()
    {
        Assert.Equal("sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914", HubSignature.Compute("secret", "test"u8));
        var body = """{"object":"whatsapp_business_account","entry":[]}"""u8;
        Assert.True(HubSignature.IsValid("my_app_secret", body, "sha256=1e948187320e1d8a8ab09e20b7172f8fe97e79394c0980b59b485e00288e389d"));
        Assert.True(HubSignature.IsValid("my_app_secret", body, "sha256=1E948187320E1D8A8AB09E20B7172F8FE97E79394C0980B59B485E00288E389D"));
        Assert.False(HubSignature.IsValid("my_app_secret", body, "sha256=1e948187320e1d8a8ab09e20b7172f8fe97e79394c0980b59b485e00288e389e"));
        Assert.False(HubSignature.IsValid("my_app_secret", body, "1e948187320e1d8a8ab09e20b7172f8fe97e79394c0980b59b485e00288e389d"));
        Assert.False(HubSignature.IsValid("my_app_secret", body, "sha256=zz948187320e1d8a8ab09e20b7172f8fe97e79394c0980b59b485e00288e389d"));
        Assert.False(HubSignature.IsValid("my_app_secret", body, "sha256="));
    }

    [Fact]
    public async Task The_handshake_echoes_the_challenge_only_for_the_right_token()
    {
        await using var app = await StartAsync();
        var client = app.OperatorClient();

        using var ok = await client.GetAsync($"/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={VerifyToken}", Ct);
        using var wrongToken = await client.GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=nope", Ct);
        using var wrongMode = await client.GetAsync($"/webhooks/whatsapp?hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token={VerifyToken}", Ct);
        using var noToken = await client.GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444", Ct);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("text/plain", ok.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync(Ct));
        foreach (var refused in new[] { wrongToken, wrongMode, noToken })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.ReadObjectAsync();
            Assert.Equal("webhook_verification_failed", (string?)problem["code"]);
            Assert.DoesNotContain("1158201444", problem.ToJsonString());
        }
    }

    [Fact]
    public async Task Without_a_verify_token_the_handshake_is_refused()
    {
        await using var app = await StartAsync(new() { ["WHATSAPP_VERIFY_TOKEN"] = null });

        using var response = await app.OperatorClient().GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1&hub.verify_token=", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("WHATSAPP_VERIFY_TOKEN", (string?)(await response.ReadObjectAsync())["detail"]);
    }

    [Fact]
    public async Task A_delivery_without_a_valid_signature_is_refused_and_changes_nothing()
    {
        await using var app = await StartAsync();
        var client = app.OperatorClient();
        var template = await SubmittedAsync(app, "594425479261596");
        var body = Encoding.UTF8.GetBytes(StatusUpdate("APPROVED", 594425479261596, "order_shipped", "en_US"));

        using var missing = await PostAsync(client, body, null);
        using var wrongSecret = await PostAsync(client, body, Sign(body, "another_secret"));
        using var malformed = await PostAsync(client, body, "sha256=not-hex");
        using var noPrefix = await PostAsync(client, body, Sign(body)["sha256=".Length..]);

        // One byte more than was signed: the signature is over the exact bytes.
        var tampered = body.Append((byte)' ').ToArray();
        using var changed = await PostAsync(client, tampered, Sign(body));

        foreach (var refused in new[] { missing, wrongSecret, malformed, noPrefix, changed })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("webhook_signature_invalid", (string?)(await refused.ReadObjectAsync())["code"]);
        }

        Assert.Equal(TemplateStatus.Pending, (await TemplateAsync(app, template.Id)).Status);
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(AppSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approved_updates_the_template_and_the_same_event_twice_changes_nothing()
    {
        await using var app = await StartAsync();
        var client = app.OperatorClient();
        var template = await SubmittedAsync(app, "594425479261596");
        var json = StatusUpdate("APPROVED", 594425479261596, "order_shipped", "en-US");

        using var first = await PostSignedAsync(client, json);
        var afterFirst = await TemplateAsync(app, template.Id);
        using var second = await PostSignedAsync(client, json);
        var afterSecond = await TemplateAsync(app, template.Id);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (int?)(await first.ReadObjectAsync())["applied"]);
        Assert.Equal(TemplateStatus.Approved, afterFirst.Status);
        Assert.Null(afterFirst.RejectionReason);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var receipt = await second.ReadObjectAsync();
        Assert.Equal((0, 1), ((int?)receipt["applied"], (int?)receipt["duplicates"]));
        Assert.Equal((afterFirst.Status, afterFirst.LastEventKey, afterFirst.UpdatedAt), (afterSecond.Status, afterSecond.LastEventKey, afterSecond.UpdatedAt));
    }

    [Fact]
    public async Task Rejected_keeps_metas_reason()
    {
        await using var app = await StartAsync();
        var template = await SubmittedAsync(app, "594425479261597");

        using var response = await PostSignedAsync(app.OperatorClient(), StatusUpdate("REJECTED", 594425479261597, "order_shipped", "en_US", "INVALID_FORMAT"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await TemplateAsync(app, template.Id);
        Assert.Equal((TemplateStatus.Rejected, "INVALID_FORMAT"), (stored.Status, stored.RejectionReason));

        var view = await app.OperatorClient().GetJsonAsync($"/api/v1/templates/{template.Id}");
        Assert.Equal(("REJECTED", "INVALID_FORMAT"), ((string?)view["status"], (string?)view["rejection_reason"]));
    }

    [Fact]
    public async Task A_template_without_a_meta_id_is_found_by_name_and_hyphenated_language()
    {
        await using var app = await StartAsync();
        var saved = await app.Services.GetRequiredService<ITemplateStore>().SaveFinalAsync(DemoTenant.TenantId, null, TemplateSamples.Payload(language: "pt_BR"), Ct);

        using var response = await PostSignedAsync(app.OperatorClient(), StatusUpdate("APPROVED", 42, "order_shipped", "pt-BR"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await TemplateAsync(app, saved.Id);
        Assert.Equal((TemplateStatus.Approved, "42"), (stored.Status, stored.MetaTemplateId));
    }

    [Fact]
    public async Task Unknown_templates_fields_and_unreadable_bodies_still_get_200()
    {
        await using var app = await StartAsync();
        var client = app.OperatorClient();
        var template = await SubmittedAsync(app, "594425479261598");

        using var unknown = await PostSignedAsync(client, StatusUpdate("APPROVED", 1, "never_created", "en_US"));
        using var otherField = await PostSignedAsync(client, """{"object":"whatsapp_business_account","entry":[{"id":"1","time":1,"changes":[{"field":"messages","value":{"messaging_product":"whatsapp","messages":[]}}]}]}""");
        using var otherWaba = await PostSignedAsync(client, StatusUpdate("APPROVED", 594425479261598, "order_shipped", "en_US").Replace(WabaId, "999", StringComparison.Ordinal));
        using var notJson = await PostSignedAsync(client, "this is { not json");
        using var unknownEvent = await PostSignedAsync(client, StatusUpdate("SOMETHING_NEW", 594425479261598, "order_shipped", "en_US"));

        foreach (var response in new[] { unknown, otherField, otherWaba, notJson, unknownEvent })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, (int?)(await response.ReadObjectAsync())["applied"]);
        }

        Assert.Equal(TemplateStatus.Pending, (await TemplateAsync(app, template.Id)).Status);
        Assert.Contains(app.Logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("not JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_batch_applies_every_change()
    {
        await using var app = await StartAsync();
        var first = await SubmittedAsync(app, "1001");
        var second = await SubmittedAsync(app, "1002", "es");
        var json = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = WabaId,
                ["time"] = 1790000000,
                ["changes"] = new JsonArray(
                    new JsonObject { ["field"] = "message_template_status_update", ["value"] = new JsonObject { ["event"] = "APPROVED", ["message_template_id"] = 1001, ["message_template_name"] = "order_shipped", ["message_template_language"] = "en_US", ["reason"] = "NONE" } },
                    new JsonObject { ["field"] = "message_template_status_update", ["value"] = new JsonObject { ["event"] = "PAUSED", ["message_template_id"] = 1002, ["message_template_name"] = "order_shipped", ["message_template_language"] = "es", ["reason"] = null } }),
            }),
        }.ToJsonString();

        using var response = await PostSignedAsync(app.OperatorClient(), json);

        Assert.Equal(2, (int?)(await response.ReadObjectAsync())["applied"]);
        Assert.Equal(TemplateStatus.Approved, (await TemplateAsync(app, first.Id)).Status);
        Assert.Equal(TemplateStatus.Paused, (await TemplateAsync(app, second.Id)).Status);
    }

    [Fact]
    public async Task Without_an_app_secret_deliveries_are_refused()
    {
        await using var app = await StartAsync(new() { ["WHATSAPP_APP_SECRET"] = null });
        var body = Encoding.UTF8.GetBytes(StatusUpdate("APPROVED", 1, "x", "en_US"));

        using var response = await PostAsync(app.OperatorClient(), body, Sign(body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("WHATSAPP_APP_SECRET", (string?)(await response.ReadObjectAsync())["detail"]);
    }
}
