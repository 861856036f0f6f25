using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Bookings;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// Fault 7: the server's clock jumps, forward by days (a host resumed, a bad NTP source) and back by
/// hours (the correction). A reminder that came due during the jump is sent once, and never again
/// after the jump back; an anonymous session that outlived its TTL answers 410; a conversation keeps
/// taking turns after the clock went back, stored in order after the earlier ones.
/// </summary>
public sealed class ClockJumpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Jumps_forward_and_back_send_a_due_reminder_once_expire_sessions_and_keep_turns_in_order(DatabaseKind kind)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind), new Dictionary<string, string?>
        {
            ["Concierge:Jobs:PollInterval"] = "00:00:00.050",
            ["SESSION_TTL"] = "2h",
        })
        { Clock = clock };
        var client = app.OperatorClient();
        await BookingSetup.ServiceAsync(client);
        var day = BookingSetup.InDays(5);
        var start = DateTimeOffset.Parse($"{day}T12:00:00Z", CultureInfo.InvariantCulture);
        var customer = (string)(await client.PostJsonAsync("/api/ai/chat", new { message = "hello", customer_id = "cust-clock" }))["session_id"]!;
        await client.PostJsonAsync("/api/v1/bookings", new { service = "dinner", start = $"{day}T12:00", party_size = 2, name = "Ana", contact = "ana@example.com", customer_id = "cust-clock" });
        var anonymous = await client.NewSessionAsync();
        await client.PostJsonAsync("/chat", new { message = "hi", session_id = anonymous });

        // Forward past the reminder (the start minus 24 h) and the anonymous session's TTL.
        clock.Advance(start - TimeSpan.FromHours(12) - clock.GetUtcNow());
        var sent = await SentAsync(client, atLeast: 1);
        using var expired = await client.GetAsync($"/session/{anonymous}", Ct);

        // Back three hours (still after the reminder's time), then a turn in the customer's conversation.
        clock.Advance(TimeSpan.FromHours(-3));
        var turn = await client.PostJsonAsync("/api/ai/chat", new { message = "is my booking still on?", customer_id = "cust-clock" });
        clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct); // a second send of the reminder would show now
        var sentAfter = await SentAsync(client, atLeast: 1);
        var history = (await client.GetJsonAsync($"/session/{customer}"))["messages"]!.AsArray();

        Assert.Single(sent);
        Assert.Single(sentAfter);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal(customer, (string?)turn["session_id"]);
        Assert.Single(history, m => ((string?)m!["content"])!.StartsWith("Reminder: your Dinner booking for 2", StringComparison.Ordinal));
        Assert.Equal(("user", "is my booking still on?"), ((string?)history[^2]!["role"], (string?)history[^2]!["content"]));
        Assert.Equal("assistant", (string?)history[^1]!["role"]);
    }

    private static async Task<JsonArray> SentAsync(HttpClient client, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonArray sent;
        while ((sent = (await client.GetJsonAsync("/api/v1/followups?state=sent"))["follow_ups"]!.AsArray()).Count < atLeast && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        return sent;
    }
}
