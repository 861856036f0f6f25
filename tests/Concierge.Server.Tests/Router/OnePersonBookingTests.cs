using System.Net;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Bookings;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing;

namespace Concierge.Server.Tests.Router;

/// <summary>
/// Issue 13: a barbershop books one person per appointment, so a delegated customer is never asked
/// "for how many people?" and the booking is written for one. Wednesday 2 December 2026, 07:00 in
/// New York (the demo tenant's booking zone), so "tomorrow" and "friday" are fixed days.
/// </summary>
public sealed class OnePersonBookingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseKind.Sqlite, "bishops-barbershop-soho", "I need a haircut tomorrow at 3pm", "bishops-barbershop-soho-haircut", "2026-12-03T15:00:00-05:00")]
    [InlineData(DatabaseKind.Sqlite, "bishops-barbershop-soho", "can I get a beard trim friday 10am", "bishops-barbershop-soho-beard-trim", "2026-12-04T10:00:00-05:00")]
    [InlineData(DatabaseKind.Sqlite, "chelsea-cuts", "haircut on friday at 11:30 am please", "chelsea-cuts-haircut", "2026-12-04T11:30:00-05:00")]
    [InlineData(DatabaseKind.Postgres, "jersey-city-fades", "I need a haircut tomorrow at 3pm", "jersey-city-fades-haircut", "2026-12-03T15:00:00-05:00")]
    public async Task A_delegated_one_person_request_is_booked_without_asking_for_the_number_of_people(
        DatabaseKind kind, string shop, string intent, string service, string start)
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(kind), clock: new ManualClock(Now));
        var client = app.FromIp("203.0.113.20");

        var delegated = await client.PostJsonAsync("/router/delegate", new { shop_slug = shop, customer_name = "Ana Rojas", intent });
        var sessionId = (string)delegated["session_id"]!;
        var confirm = await client.PostJsonAsync("/chat", new { session_id = sessionId, message = "+1 212 555 0143" });
        var booked = await client.PostJsonAsync("/chat", new { session_id = sessionId, message = "yes" });

        Assert.Equal("What phone number or e-mail can we reach you at?", (string?)delegated["message"]);
        Assert.Equal("CONFIRM", (string?)confirm["action"]);
        Assert.Contains("for 1 person", (string?)confirm["reply"], StringComparison.Ordinal);
        Assert.Equal("BOOKED", (string?)booked["action"]);
        var bookings = (await app.OperatorClient().GetJsonAsync("/api/v1/bookings"))["bookings"]!.AsArray();
        var written = Assert.Single(bookings)!;
        Assert.Equal(service, (string?)written["service"]);
        Assert.Equal(1, (int)written["party_size"]!);
        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse((string)written["start"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_spanish_speaking_barbershop_with_a_fixed_party_service_books_one_person_from_a_spanish_request()
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), clock: new ManualClock(Now));
        var admin = app.AdminClient();
        using var created = await admin.PostAsync("/api/v1/services", Json.Body("""
            {"key":"corte","name":"Corte de pelo","duration_minutes":30,"capacity":2,"fixed_party":1,"hours":{"every_day":[["09:00","19:00"]]}}
            """));
        var view = JsonNode.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.True(created.StatusCode == HttpStatusCode.Created, view.ToJsonString());
        Assert.Equal((1, 1, 1), ((int)view["min_party"]!, (int)view["max_party"]!, (int?)view["fixed_party"]));
        await admin.PostJsonAsync("/api/v1/shops", new { slug = "barberia-centro", name = "Barbería Centro", category = "barbershop", latitude = 40.75, longitude = -73.99, services = new[] { "corte" } });
        var client = app.FromIp("203.0.113.21");

        var delegated = await client.PostJsonAsync("/router/delegate", new { shop_slug = "barberia-centro", intent = "Quiero un corte de pelo mañana a las 15:00, me llamo Ana Rojas" });
        var sessionId = (string)delegated["session_id"]!;
        var confirm = await client.PostJsonAsync("/chat", new { session_id = sessionId, message = "mi teléfono es +1 212 555 0143" });
        var booked = await client.PostJsonAsync("/chat", new { session_id = sessionId, message = "sí" });

        Assert.DoesNotContain("cuántas", (string?)delegated["message"], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("how many", (string?)delegated["message"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("CONFIRM", (string?)confirm["action"]);
        Assert.Equal("BOOKED", (string?)booked["action"]);
        var written = Assert.Single((await app.OperatorClient().GetJsonAsync("/api/v1/bookings"))["bookings"]!.AsArray())!;
        Assert.Equal(("corte", 1), ((string?)written["service"], (int)written["party_size"]!));
    }

    [Theory]
    [InlineData("""{"fixed_party":0}""", "fixed_party", "out_of_range")]
    [InlineData("""{"fixed_party":3}""", "fixed_party", "out_of_range")]
    [InlineData("""{"fixed_party":1,"max_party":1}""", "fixed_party", "conflict")]
    [InlineData("""{"min_party":0}""", "min_party", "out_of_range")]
    [InlineData("""{"min_party":3,"max_party":2}""", "max_party", "out_of_range")]
    public async Task Bad_party_limits_are_422_naming_the_field(string limits, string field, string code)
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var body = JsonNode.Parse("""{"key":"trim","name":"Trim","duration_minutes":30,"capacity":2,"hours":{"every_day":[["09:00","19:00"]]}}""")!.AsObject();
        foreach (var (k, v) in JsonNode.Parse(limits)!.AsObject())
        {
            body[k] = v?.DeepClone();
        }

        using var response = await app.AdminClient().PostAsync("/api/v1/services", Json.Body(body.ToJsonString()));

        await BookingSetup.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, code, field);
    }
}
