using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Jobs;
using Concierge.Server.Tests.Bookings;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Server.Tests.Knowledge;
using Concierge.Server.Tests.Templates;
using Concierge.Templates;
using Concierge.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Faults.Hostile;

/// <summary>The real ids of one tenant's data, by the kind of thing a path parameter names.</summary>
internal sealed record TenantData(Guid TenantId, IReadOnlyDictionary<string, string> Ids, IReadOnlyList<string> Secrets)
{
    /// <summary>
    /// The id a path parameter of <paramref name="path"/> takes, by the route's resource; null for a
    /// route this table does not know yet, which the suite reports so that a new route gets data.
    /// </summary>
    public string? IdFor(string path, string parameter)
    {
        var resource = parameter switch
        {
            "customerId" => "customer",
            "slug" => "shop",
            _ => Resources.FirstOrDefault(r => path.StartsWith(r.Prefix, StringComparison.Ordinal)).Resource,
        };
        return resource is not null && Ids.TryGetValue(resource, out var id) ? id : null;
    }

    private static readonly (string Prefix, string Resource)[] Resources =
    [
        ("/api/v1/sessions/", "session"), ("/session/", "session"), ("/api/v1/users/", "user"), ("/api/v1/keys/", "key"),
        ("/api/v1/agents/", "agent"), ("/api/v1/templates/", "template"), ("/api/v1/channels/accounts/", "channel_account"),
        ("/api/v1/jobs/", "job"), ("/api/v1/bookings/", "booking"), ("/api/v1/knowledge/documents/", "document"),
    ];
}

/// <summary>
/// Two tenants with data of every kind a path can name (sessions with a customer, a booking, a
/// document, a template, a job, a user, a key, a channel account, a shop, its agents): the suite
/// sends this tenant's own ids to reach the validation behind them, and the other tenant's ids to
/// prove they are 404 here. The other tenant's data carries marker strings that must never come back.
/// </summary>
internal static class HostileTenants
{
    public static async Task<TenantData> SeedAsync(ConciergeApp app, Guid tenantId, string marker, string channelAddress)
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = app.AdminClient(tenantId);
        var customer = $"customer-{marker}";
        var session = (string)(await admin.PostJsonAsync("/api/v1/sessions", new { agent = "assistant", customer_id = customer }))["id"]!;
        await admin.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = $"Hello from {marker}" });

        await BookingSetup.ServiceAsync(admin);
        using var booked = await admin.PostAsync("/api/v1/bookings", BookingSetup.Booking($"{BookingSetup.InDays(2)}T12:00", extra: $",\"customer_id\":\"{customer}\""), ct);
        var booking = (string)(await booked.ReadObjectAsync())["id"]!;

        using var uploaded = await admin.UploadAsync($"{marker}.md", $"# {marker} returns\n\nReturns within 30 days at {marker}.", title: $"{marker} returns");
        var document = (string)(await uploaded.ReadObjectAsync())["id"]!;

        var template = await app.Services.GetRequiredService<ITemplateStore>().SaveFinalAsync(tenantId, null, TemplateSamples.Payload($"{marker.Replace('-', '_')}_template"), ct);
        var job = (await app.Services.GetRequiredService<IJobStore>().EnqueueAsync(tenantId, new JobRequest("test.hostile", [], DateTimeOffset.UtcNow.AddDays(1)), 3, ct))!.Value;
        var user = app.AddUser(Role.Operator, tenantId);
        var (key, _) = await app.ApiKeyClientAsync(Role.Operator, tenantId);

        var account = await admin.PostJsonAsync("/api/v1/channels/accounts", new
        {
            provider = "whatsapp",
            address = channelAddress,
            waba_id = "3" + channelAddress[1..],
            agent = "assistant",
            access_token = $"token-{marker}",
            app_secret = $"secret-{marker}",
            verify_token = $"verify-{marker}",
        });
        var shop = await admin.PostJsonAsync("/api/v1/shops", new { slug = $"shop-{marker}", name = $"Shop {marker}", category = "salon", latitude = 40.7, longitude = -74.0 });
        var agents = await admin.GetJsonAsync("/api/v1/agents");
        var agent = (string)agents["agents"]!.AsArray().First()!["id"]!;

        var ids = new Dictionary<string, string>
        {
            ["session"] = session,
            ["customer"] = customer,
            ["booking"] = booking,
            ["document"] = document,
            ["template"] = template.Id.ToString(),
            ["job"] = job.ToString(),
            ["user"] = user.Id.ToString(),
            ["key"] = key.Id.ToString(),
            ["channel_account"] = (string)account["id"]!,
            ["shop"] = (string)shop["slug"]!,
            ["agent"] = agent,
        };
        return new TenantData(tenantId, ids, [customer, $"Hello from {marker}", $"{marker} returns", $"Shop {marker}", session, booking, document]);
    }

    /// <summary>The demo tenant's own data and a second tenant's, each with every kind of id.</summary>
    public static async Task<(TenantData Own, TenantData Other)> SeedBothAsync(ConciergeApp app)
    {
        var own = await SeedAsync(app, DemoTenant.TenantId, "own", "200000000000101");
        var other = await app.AddTenantAsync("hostile-other");
        return (own, await SeedAsync(app, other.Id, "other-tenant-secret", "200000000000202"));
    }

    internal static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
