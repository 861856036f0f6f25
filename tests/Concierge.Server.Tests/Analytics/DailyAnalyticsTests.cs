using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing;

namespace Concierge.Server.Tests.Analytics;

/// <summary>GET /api/v1/analytics/daily: the console's turns per day by source, crisis detections and rate-limit rejections.</summary>
public sealed class DailyAnalyticsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Turns_are_counted_per_utc_day_and_source_with_crisis_detections_and_empty_days_as_zeros(DatabaseKind kind)
    {
        var clock = new ManualClock(Start);
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind)) { Clock = clock };
        var wellbeing = WithAgentKey(app, DemoTenant.WellbeingPublicKey);
        var first = await StartAsync(wellbeing);
        await SendAsync(wellbeing, first, "Hello, I had a long week");
        await SendAsync(wellbeing, first, "I want to end my life tonight");

        clock.Advance(TimeSpan.FromDays(2));
        var second = await StartAsync(wellbeing);
        await SendAsync(wellbeing, second, "Hello");
        await SendAsync(wellbeing, second, "Thanks, that helps");
        // Another tenant's turns on the same day are its own.
        var other = await app.AddTenantAsync("other-tenant");
        var stranger = app.OperatorClient(other.Id);
        var theirs = (string)(await stranger.PostJsonAsync("/api/v1/sessions", new { agent = "wellbeing" }))["id"]!;
        await SendAsync(stranger, theirs, "I want to end my life tonight");

        var staff = app.OperatorClient();
        var report = await staff.GetJsonAsync("/api/v1/analytics/daily?days=5");
        var ofWellbeing = await staff.GetJsonAsync("/api/v1/analytics/daily?days=5&agent=wellbeing");
        var ofAssistant = await staff.GetJsonAsync("/api/v1/analytics/daily?days=5&agent=assistant");

        Assert.Equal("2026-12-03", (string?)report["from"]);
        Assert.Equal("2026-12-07", (string?)report["to"]);
        var days = report["days"]!.AsArray();
        Assert.Equal(["2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07"], days.Select(d => (string)d!["date"]!));
        Assert.Equal("2 model:0 offline:1 fallback:0 safety:1 crisis:1", Line(days[2]!));
        Assert.Equal("2 model:0 offline:2 fallback:0 safety:0 crisis:0", Line(days[4]!));
        foreach (var empty in new[] { days[0]!, days[1]!, days[3]! })
        {
            Assert.Equal("0 model:0 offline:0 fallback:0 safety:0 crisis:0", Line(empty));
            Assert.Equal(0, (int)empty["rate_limit_rejections"]!);
        }

        Assert.Equal(days.Select(d => Line(d!)), ofWellbeing["days"]!.AsArray().Select(d => Line(d!)));
        Assert.All(ofAssistant["days"]!.AsArray(), d => Assert.Equal("0 model:0 offline:0 fallback:0 safety:0 crisis:0", Line(d!)));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Rate_limit_rejections_are_counted_for_the_callers_tenant_and_survive_a_restart(DatabaseKind kind)
    {
        var url = await TestDatabase.CreateAsync(kind);
        // Only the shutdown writes the counts of the first run: its periodic flush never comes round.
        var settings = new Dictionary<string, string?> { ["RATE_LIMIT_PER_MINUTE"] = "3", ["Concierge:Analytics:RejectionsFlushInterval"] = "1h" };
        await using (var first = new ConciergeApp(url, settings))
        {
            Assert.Equal(2, await ExceedAsync(WithAgentKey(first, DemoTenant.WellbeingPublicKey), 5));
            var other = await first.AddTenantAsync("other-tenant");
            Assert.Equal(1, await ExceedAsync(first.OperatorClient(other.Id), 4));
        }

        await using var second = new ConciergeApp(url, settings);
        var afterRestart = Today(await second.OperatorClient().GetJsonAsync("/api/v1/analytics/daily"));
        Assert.Equal(1, await ExceedAsync(WithAgentKey(second, DemoTenant.AgentPublicKey), 4));
        var added = Today(await second.OperatorClient().GetJsonAsync("/api/v1/analytics/daily?days=1"));

        Assert.Equal(2, (int)afterRestart["rate_limit_rejections"]!);
        Assert.Equal(3, (int)added["rate_limit_rejections"]!);
    }

    [Theory]
    [InlineData("days=0", "days")]
    [InlineData("days=91", "days")]
    [InlineData("days=seven", "days")]
    [InlineData("days=-1", "days")]
    [InlineData("days=3&days=4", "days")]
    [InlineData("agent=no-such-agent", "agent")]
    [InlineData("agent=demo&agent=wellbeing", "agent")]
    public async Task A_bad_query_is_422_invalid_query_naming_the_parameter(string query, string field)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));

        using var response = await app.OperatorClient().GetAsync($"/api/v1/analytics/daily?{query}", Ct);
        var problem = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid_query", (string?)problem["code"]);
        Assert.Equal(field, (string?)problem["field"]);
    }

    [Fact]
    public async Task Operators_and_admins_read_the_figures_customers_and_anonymous_callers_may_not()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));

        using var asOperator = await app.OperatorClient().GetAsync("/api/v1/analytics/daily?days=90", Ct);
        using var asAdmin = await app.AdminClient().GetAsync("/api/v1/analytics/daily", Ct);
        using var asCustomer = await app.ClientAs(Concierge.Tenants.Role.Customer).GetAsync("/api/v1/analytics/daily", Ct);
        using var anonymous = await WithAgentKey(app, DemoTenant.AgentPublicKey).GetAsync("/api/v1/analytics/daily", Ct);

        Assert.Equal(HttpStatusCode.OK, asOperator.StatusCode);
        Assert.Equal(90, (await asOperator.ReadObjectAsync())["days"]!.AsArray().Count);
        Assert.Equal(7, (await asAdmin.ReadObjectAsync())["days"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.Forbidden, asCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static string Line(JsonNode day)
    {
        var by = day["turns_by_source"]!;
        return $"{day["turns"]} model:{by["model"]} offline:{by["offline"]} fallback:{by["fallback"]} safety:{by["safety"]} crisis:{day["crisis_detections"]}";
    }

    private static JsonNode Today(JsonObject report) => report["days"]!.AsArray()[^1]!;

    /// <summary>Starts <paramref name="calls"/> sessions in a row and returns how many were refused with 429.</summary>
    private static async Task<int> ExceedAsync(HttpClient client, int calls)
    {
        var refused = 0;
        for (var i = 0; i < calls; i++)
        {
            using var response = await client.PostAsync("/api/v1/sessions", Json.Body("{}"), Ct);
            refused += response.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
        }

        return refused;
    }

    private static HttpClient WithAgentKey(ConciergeApp app, string publicKey)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Agent-Key", publicKey);
        return client;
    }

    private static async Task<string> StartAsync(HttpClient client) =>
        (string)(await client.PostJsonAsync("/api/v1/sessions", new { }))["id"]!;

    private static async Task SendAsync(HttpClient client, string session, string message)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/sessions/{session}/messages", new { message }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
    }
}
