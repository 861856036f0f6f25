using System.Net;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Bookings;

/// <summary>Seed 002's <c>POST /api/ai/chat</c> with the stock hibachi agent, offline.</summary>
public sealed class BookingChatTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonObject> SayAsync(HttpClient client, string customer, string message)
    {
        var body = new JsonObject { ["message"] = message, ["customer_id"] = customer };
        using var response = await client.PostAsync("/api/ai/chat", Json.Body(body.ToJsonString()), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_customer_books_hibachi_in_one_message_and_a_yes_and_the_reply_names_the_stored_booking(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind));
        var client = app.OperatorClient();

        var asked = await SayAsync(client, "cust-1", "Hi! Hibachi at home for 6 people tomorrow at 7pm please. I'm Ana Rojas, +1 212 555 0143");
        var booked = await SayAsync(client, "cust-1", "yes");
        var listed = (await client.GetJsonAsync("/api/v1/bookings"))["bookings"]!.AsArray();

        Assert.Equal("CONFIRM", (string?)asked["action"]);
        Assert.Null(asked["booking"]);
        Assert.Equal("BOOKED", (string?)booked["action"]);
        Assert.Equal(asked["session_id"]!.ToString(), booked["session_id"]!.ToString());
        var booking = booked["booking"]!.AsObject();
        Assert.Equal("booked", (string?)booking["status"]);
        Assert.Equal(6, (int)booking["party_size"]!);
        Assert.Equal("cust-1", (string?)booking["customer_id"]);
        Assert.Equal(19, ((DateTimeOffset)booking["start"]!).Hour);
        Assert.Equal([(string?)booking["id"]], listed.Select(b => (string?)b!["id"]));
    }

    [Fact]
    public async Task The_same_customer_id_continues_its_conversation_and_a_new_one_starts_another()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();

        var first = await SayAsync(client, "cust-a", "I want to book hibachi");
        var again = await SayAsync(client, "cust-a", "tomorrow");
        var other = await SayAsync(client, "cust-b", "hola, quiero reservar");

        Assert.Equal(first["session_id"]!.ToString(), again["session_id"]!.ToString());
        Assert.NotEqual(first["session_id"]!.ToString(), other["session_id"]!.ToString());
        Assert.Equal("ASK", (string?)first["action"]);
        Assert.NotEmpty(first["missing"]!.AsArray());
    }

    [Fact]
    public async Task A_message_without_a_customer_id_is_refused_and_writes_nothing()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();

        using var response = await client.PostAsync("/api/ai/chat", Json.Body("""{"message":"hi"}"""), Ct);

        await BookingSetup.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_field", "customer_id");
    }
}
