using System.Net;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Jobs;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Server.Tests.Templates;
using Concierge.Templates;
using Concierge.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Accounts;

/// <summary>
/// Every operation of the OpenAPI document (so a new route is covered by default) against three
/// callers: nobody (401 unless the route is public), an admin of another tenant holding this
/// tenant's ids (404 for every id route, and none of this tenant's ids in any answer), and the role
/// just below the one the route declares (403).
/// </summary>
public sealed class AccessMatrixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Every_route_answers_401_without_credentials_404_for_another_tenant_and_403_for_a_lower_role(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind));
        var fixture = await SeedAsync(app);
        var other = await app.AddTenantAsync("other-tenant");
        var anonymous = app.Client();
        var stranger = app.AdminClient(other.Id);
        var document = await anonymous.GetJsonAsync("/openapi/v1.json");
        var failures = new List<string>();
        var protectedCount = 0;

        foreach (var (path, methods) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in methods!.AsObject())
            {
                var (access, role) = AccessOf(operation!.AsObject());
                var url = Fill(path, fixture);
                var name = $"{method.ToUpperInvariant()} {path}";
                if (access != Access.Protected)
                {
                    continue;
                }

                protectedCount++;
                using (var response = await SendAsync(anonymous, method, url))
                {
                    if (response.StatusCode != HttpStatusCode.Unauthorized || !response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer")
                        || (string?)(await response.ReadObjectAsync())["request_id"] is null)
                    {
                        failures.Add($"{name} without credentials: {(int)response.StatusCode}");
                    }
                }

                using (var response = await SendAsync(stranger, method, url))
                {
                    var body = await response.Content.ReadAsStringAsync(Ct);
                    if (path.Contains('{') && response.StatusCode != HttpStatusCode.NotFound)
                    {
                        failures.Add($"{name} from another tenant: {(int)response.StatusCode} {body}");
                    }

                    if ((int)response.StatusCode >= 500 || fixture.Secrets.Any(s => !url.Contains(s, StringComparison.Ordinal) && body.Contains(s, StringComparison.OrdinalIgnoreCase)))
                    {
                        failures.Add($"{name} from another tenant leaked or failed: {(int)response.StatusCode} {body}");
                    }
                }

                if (role > Role.Customer)
                {
                    using var response = await SendAsync(app.ClientAs(role - 1), method, url);
                    if (response.StatusCode != HttpStatusCode.Forbidden || (string?)(await response.ReadObjectAsync())["code"] != "forbidden")
                    {
                        failures.Add($"{name} as {(role - 1).ToWire()}: {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(protectedCount >= 12, $"only {protectedCount} protected operations in the document");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Every_operation_declares_its_security_and_the_schemes_are_in_the_document()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var document = await app.Client().GetJsonAsync("/openapi/v1.json");

        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal("bearer", (string?)schemes["bearer"]!["scheme"]);
        Assert.Equal("X-API-Key", (string?)schemes["apiKey"]!["name"]);
        Assert.Equal("X-Agent-Key", (string?)schemes["agentKey"]!["name"]);
        var undeclared = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => (Name: $"{m.Key} {p.Key}", Operation: m.Value!.AsObject())))
            .Where(o => o.Operation["security"] is null)
            .Select(o => o.Name)
            .ToList();
        Assert.Empty(undeclared);
        Assert.Equal("operator", (string?)document["paths"]!["/api/v1/templates"]?["get"]?["security"]?[0]?["bearer"]?[0]
            ?? (string?)document["paths"]!["/api/v1/templates/"]?["get"]?["security"]?[0]?["bearer"]?[0]);
    }

    internal enum Access
    {
        Anonymous,
        Public,
        Protected,
    }

    internal static (Access Kind, Role Role) AccessOf(JsonObject operation)
    {
        var security = operation["security"]?.AsArray() ?? [];
        foreach (var requirement in security)
        {
            if (requirement?["bearer"]?.AsArray() is { Count: > 0 } scopes && Roles.TryParse((string?)scopes[0], out var role))
            {
                return (Access.Protected, role);
            }

            if (requirement?["agentKey"] is not null)
            {
                return (Access.Public, Role.Customer);
            }
        }

        return (Access.Anonymous, Role.Customer);
    }

    private static string Fill(string path, Fixture fixture)
    {
        var id = path.StartsWith("/api/v1/templates", StringComparison.Ordinal) ? fixture.TemplateId
            : path.StartsWith("/api/v1/jobs", StringComparison.Ordinal) ? fixture.JobId
            : path.StartsWith("/api/v1/keys", StringComparison.Ordinal) ? fixture.KeyId
            : path.StartsWith("/api/v1/agents", StringComparison.Ordinal) ? Concierge.Agents.DemoTenant.AgentId.ToString()
            : fixture.SessionId;
        return path.Replace("{id}", id, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
        if (method is "post" or "put" or "patch")
        {
            request.Content = Json.Body("""{"message":"hello there","name":"matrix","role":"operator"}""");
        }

        return await client.SendAsync(request, Ct);
    }

    private static async Task<Fixture> SeedAsync(ConciergeApp app)
    {
        var staff = app.OperatorClient();
        var session = (string)(await staff.PostJsonAsync("/api/v1/sessions", new { agent = "assistant", customer_id = "customer-secret-1" }))["id"]!;
        await staff.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = "What is Concierge?" });
        var template = await app.Services.GetRequiredService<ITemplateStore>().SaveFinalAsync(DemoTenant.TenantId, null, TemplateSamples.Payload("matrix_secret"), Ct);
        var job = (await app.Services.GetRequiredService<IJobStore>().EnqueueAsync(DemoTenant.TenantId, new JobRequest("test.matrix", [], DateTimeOffset.UtcNow.AddDays(1)), 3, Ct))!.Value;
        var (key, _) = await app.ApiKeyClientAsync(Role.Operator);
        var ids = new[] { session, template.Id.ToString(), job.ToString(), key.Id.ToString(), DemoTenant.TenantId.ToString(), "customer-secret-1", "matrix_secret" };
        return new Fixture(session, template.Id.ToString(), job.ToString(), key.Id.ToString(), ids);
    }

    private sealed record Fixture(string SessionId, string TemplateId, string JobId, string KeyId, IReadOnlyList<string> Secrets);
}
