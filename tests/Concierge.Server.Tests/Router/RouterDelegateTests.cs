using System.Net;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Router;

/// <summary>POST /router/delegate: the hand-over to a shop's booking agent, and the booking completed on POST /chat.</summary>
public sealed class RouterDelegateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_delegated_customer_books_on_chat_and_the_funnel_links_the_booking_to_the_search(DatabaseKind kind)
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(kind));
        var client = app.FromIp("203.0.113.10");
        var search = await RouterTestKit.SearchAsync(client, """{"latitude":40.7449,"longitude":-73.9976,"radius_miles":1,"category":"barbershop"}""");

        var (status, delegated, response) = await RouterTestKit.PostAsync(client, "/router/delegate", new JsonObject
        {
            ["shop_slug"] = "chelsea-cuts",
            ["customer_name"] = "Ana Rojas",
            ["intent"] = "A haircut",
            ["context"] = "Asked for a barber near Chelsea",
            ["search_id"] = (string?)search["search_id"],
        }.ToJsonString());
        response.Dispose();
        Assert.True(status == HttpStatusCode.OK, delegated.ToJsonString());
        var sessionId = (string)delegated["session_id"]!;
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var asked = await client.PostJsonAsync("/chat", new { session_id = sessionId, message = $"{tomorrow} at 11:00 for 1 person, +1 212 555 0143" });
        var booked = await client.PostJsonAsync("/chat", new { session_id = sessionId, message = "yes" });

        Assert.Equal("chelsea-cuts", (string?)delegated["shop"]!["slug"]);
        Assert.Equal("shop-chelsea-cuts", (string?)delegated["agent"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)delegated["message"]));
        Assert.Equal("/chat", (string?)delegated["continue_with"]!["path"]);
        Assert.Equal("CONFIRM", (string?)asked["action"]);
        Assert.Equal("BOOKED", (string?)booked["action"]);

        var operatorClient = app.OperatorClient();
        var debug = await operatorClient.GetJsonAsync($"/api/v1/sessions/{sessionId}/debug");
        var messages = debug["messages"]!.AsArray();
        Assert.Equal("system", (string?)messages[0]!["role"]);
        Assert.Contains("Chelsea Cuts", (string?)messages[0]!["content"], StringComparison.Ordinal);
        Assert.Contains("A haircut", (string?)messages[0]!["content"], StringComparison.Ordinal);
        var bookings = (await operatorClient.GetJsonAsync("/api/v1/bookings"))["bookings"]!.AsArray();
        Assert.Single(bookings, b => (string?)b!["service"] == "chelsea-cuts-haircut" && (int)b["party_size"]! == 1);

        var funnel = await operatorClient.GetJsonAsync("/api/v1/analytics/router/funnel?days=1");
        Assert.Equal(1, (int)funnel["totals"]!["searches"]!);
        Assert.Equal(1, (int)funnel["totals"]!["delegations"]!);
        Assert.Equal(1, (int)funnel["totals"]!["bookings"]!);
        Assert.Equal(100.0, (double)funnel["totals"]!["search_to_booking_pct"]!);
        var discovery = (await operatorClient.GetJsonAsync("/api/v1/analytics/router/shop-discovery?days=1"))["shops"]!.AsArray();
        var chelsea = discovery.Single(s => (string?)s!["slug"] == "chelsea-cuts")!;
        Assert.Equal(1, (int)chelsea["times_discovered"]!);
        Assert.Equal(1, (int)chelsea["times_delegated"]!);
        Assert.Equal(1, (int)chelsea["bookings"]!);

        if (kind == DatabaseKind.Postgres)
        {
            // The seed's monitoring queries, word for word, on the views of the same names.
            await using var connection = await app.Services.GetRequiredService<Database>().OpenAsync(Ct);
            var usage = (await connection.QueryAsync("SELECT * FROM router_usage_summary WHERE date >= CURRENT_DATE - 7 ORDER BY date DESC;")).ToList();
            var found = (await connection.QueryAsync("SELECT * FROM router_shop_discovery WHERE times_discovered > 0 ORDER BY times_discovered DESC LIMIT 20;")).ToList();
            var converted = (await connection.QueryAsync("SELECT * FROM router_conversion_funnel WHERE date >= CURRENT_DATE - 7 ORDER BY date DESC;")).ToList();
            var events = (await connection.QueryAsync("SELECT event_type, COUNT(*) AS n FROM router_analytics WHERE created_at > NOW() - INTERVAL '1 hour' GROUP BY event_type;")).ToList();
            var cleaned = await connection.ExecuteScalarAsync<int>("SELECT cleanup_expired_geocoding_cache();");

            Assert.Equal(1L, (long)usage.Single().bookings);
            Assert.Equal("chelsea-cuts", (string)found.Single().shop_slug);
            Assert.Equal(100.0m, (decimal)converted.Single().search_to_booking_pct);
            Assert.Equal(2, events.Count);
            Assert.Equal(0, cleaned);
        }
    }

    [Fact]
    public async Task Without_an_intent_the_shops_agent_greets_and_the_session_continues_on_chat()
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.FromIp("203.0.113.11");

        var delegated = await client.PostJsonAsync("/router/delegate", new { shop_slug = "UPPER-WEST-SALON" });
        var next = await client.PostJsonAsync("/chat", new { session_id = (string)delegated["session_id"]!, message = "I'd like a cut and style" });

        Assert.Contains("Upper West Salon", (string?)delegated["message"], StringComparison.Ordinal);
        Assert.Equal((string?)delegated["session_id"], (string?)next["session_id"]);
        Assert.NotEqual("BOOKED", (string?)next["action"]);
    }

    [Fact]
    public async Task Unknown_slugs_another_tenants_shop_and_slugs_with_path_characters_are_404_and_bad_fields_422()
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var tenant = await app.AddTenantAsync("elsewhere");
        await app.AdminClient(tenant.Id).PostJsonAsync("/api/v1/shops", new { slug = "their-shop", name = "Their shop", category = "salon", latitude = 40.72, longitude = -74.0 });
        var client = app.FromIp("203.0.113.12");
        var other = app.FromIp("203.0.113.13");

        foreach (var slug in new[] { "no-such-shop", "their-shop", "../etc/passwd", "chelsea-cuts/../x", "%2e%2e", "" + new string('a', 500) })
        {
            var (status, problem, response) = await RouterTestKit.PostAsync(client, "/router/delegate", new JsonObject { ["shop_slug"] = slug }.ToJsonString());
            response.Dispose();
            Assert.True(status == HttpStatusCode.NotFound, $"{slug}: {(int)status} {problem.ToJsonString()}");
            Assert.Equal("shop_not_found", (string?)problem["code"]);
        }

        foreach (var (body, field) in new[]
        {
            ("""{}""", "shop_slug"),
            ("""{"shop_slug":null}""", "shop_slug"),
            ("""{"shop_slug":42}""", "shop_slug"),
            ("""{"shop_slug":"chelsea-cuts","intent":["x"]}""", "intent"),
            ("{\"shop_slug\":\"chelsea-cuts\",\"customer_name\":\"" + new string('n', 101) + "\"}", "customer_name"),
            ("""{"shop_slug":"chelsea-cuts","search_id":"not-a-guid"}""", "search_id"),
        })
        {
            var (status, problem, response) = await RouterTestKit.PostAsync(other, "/router/delegate", body);
            response.Dispose();
            Assert.True(status == HttpStatusCode.UnprocessableEntity, $"{body}: {(int)status} {problem.ToJsonString()}");
            Assert.Equal(field, (string?)problem["field"]);
        }

        var sessions = (await app.OperatorClient().GetJsonAsync("/api/v1/sessions"))["sessions"]!.AsArray();
        Assert.Empty(sessions);
    }
}
