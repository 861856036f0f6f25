using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Bookings;

/// <summary>A tenant set up over the API: UTC, hourly slots, an hour's notice, a service open around the clock.</summary>
internal static class BookingSetup
{
    public static string Tomorrow => DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task ServiceAsync(HttpClient client, string key = "dinner", int capacity = 10, string unit = "seats", int maxParty = 8, string[]? closed = null)
    {
        using var policy = await client.PutAsync(
            "/api/v1/booking-policy",
            Json.Body("""{"time_zone":"UTC","slot_minutes":60,"lead_time_minutes":60,"horizon_days":30}"""));
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        var body = new JsonObject
        {
            ["key"] = key,
            ["name"] = "Dinner",
            ["duration_minutes"] = 60,
            ["capacity"] = capacity,
            ["unit"] = unit,
            ["max_party"] = maxParty,
            ["hours"] = new JsonObject { ["every_day"] = new JsonArray(new JsonArray("00:00", "00:00")) },
            ["closed_dates"] = new JsonArray([.. (closed ?? []).Select(d => (JsonNode)d)]),
        };
        using var created = await client.PostAsync("/api/v1/services", Json.Body(body.ToJsonString()));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    public static StringContent Booking(string start, int party = 2, string service = "dinner", string? extra = null, string name = "Ana Rojas") =>
        Json.Body($$"""{"service":"{{service}}","start":"{{start}}","party_size":{{party}},"name":"{{name}}","contact":"+12125550143"{{extra}}}""");

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(code, (string?)problem["code"]);
        if (field is not null)
        {
            Assert.Equal(field, (string?)problem["field"]);
        }

        return problem;
    }
}
