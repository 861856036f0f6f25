using System.Globalization;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing;

namespace Concierge.Server.Tests.Bookings;

/// <summary>A booking's reminder is a durable job: delivered once into the customer's conversation, moved or cancelled with the booking, and still sent after a restart.</summary>
public sealed class FollowUpTests
{
    private static readonly Dictionary<string, string?> FastJobs = new() { ["Concierge:Jobs:PollInterval"] = "00:00:00.050" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonArray> EventuallyAsync(Func<Task<JsonArray>> read, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonArray found;
        while ((found = await read()).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        return found;
    }

    [Fact]
    public async Task A_booking_made_in_chat_gets_one_reminder_appended_to_the_conversation()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?>(FastJobs) { ["FOLLOWUP_REMINDER_LEAD"] = "72h" });
        var client = app.OperatorClient();
        var asked = await client.PostJsonAsync("/api/ai/chat", new { message = "Hibachi at home for 4 tomorrow at 6pm, I'm Bo Chen, bo@example.com", customer_id = "cust-r" });
        await client.PostJsonAsync("/api/ai/chat", new { message = "yes", customer_id = "cust-r" });

        var sent = await EventuallyAsync(async () => (await client.GetJsonAsync("/api/v1/followups?state=sent"))["follow_ups"]!.AsArray(), 1);
        await Task.Delay(300, Ct);
        var history = (await client.GetJsonAsync($"/session/{asked["session_id"]}"))["messages"]!.AsArray();

        Assert.Single(sent);
        Assert.Equal("reminder", (string?)sent[0]!["type"]);
        var reminders = history.Where(m => ((string?)m!["content"])!.StartsWith("Reminder: your Hibachi at home booking for 4", StringComparison.Ordinal)).ToList();
        Assert.Single(reminders);
        Assert.Equal("assistant", (string?)reminders[0]!["role"]);
        Assert.Equal("assistant", (string?)history[^1]!["role"]);
    }

    [Fact]
    public async Task Cancelling_a_booking_cancels_its_reminder_and_moving_it_moves_the_reminder()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();
        await BookingSetup.ServiceAsync(client);
        var day = BookingSetup.InDays(5);
        var kept = await client.PostJsonAsync("/api/v1/bookings", new { service = "dinner", start = $"{day}T12:00", party_size = 2, name = "Ana", contact = "ana@example.com" });
        var dropped = await client.PostJsonAsync("/api/v1/bookings", new { service = "dinner", start = $"{day}T13:00", party_size = 2, name = "Bo", contact = "bo@example.com" });

        await client.PostJsonAsync($"/api/v1/bookings/{kept["id"]}/reschedule", new { start = $"{day}T15:00" });
        await client.PostJsonAsync($"/api/v1/bookings/{dropped["id"]}/cancel", new { });
        var scheduled = (await client.GetJsonAsync("/api/v1/followups?state=scheduled"))["follow_ups"]!.AsArray();
        var cancelled = (await client.GetJsonAsync("/api/v1/followups?state=cancelled"))["follow_ups"]!.AsArray();

        var reminder = Assert.Single(scheduled)!;
        Assert.Equal((string?)kept["id"], (string?)reminder["booking_id"]);
        var expected = DateTimeOffset.Parse($"{day}T15:00:00Z", CultureInfo.InvariantCulture) - TimeSpan.FromHours(24);
        Assert.Equal(expected, (DateTimeOffset)reminder["run_at"]!);
        Assert.Equal((string?)dropped["id"], (string?)Assert.Single(cancelled)!["booking_id"]);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_reminder_scheduled_before_a_restart_is_delivered_by_the_next_process_once(DatabaseKind kind)
    {
        var url = await TestDatabase.CreateAsync(kind);
        string sessionId;
        await using (var first = new ConciergeApp(url, FastJobs))
        {
            var client = first.OperatorClient();
            sessionId = (string)(await client.PostJsonAsync("/api/ai/chat", new { message = "hello", customer_id = "cust-later" }))["session_id"]!;
            await BookingSetup.ServiceAsync(client);
            await client.PostJsonAsync("/api/v1/bookings", new { service = "dinner", start = $"{BookingSetup.InDays(5)}T12:00", party_size = 2, name = "Cy", contact = "cy@example.com", customer_id = "cust-later" });
            Assert.Single((await client.GetJsonAsync("/api/v1/followups?state=scheduled"))["follow_ups"]!.AsArray());
        }

        // Past the reminder (the start minus 24 h), still before the start.
        var clock = new ManualClock(DateTimeOffset.Parse($"{BookingSetup.InDays(5)}T11:00:00Z", CultureInfo.InvariantCulture) - TimeSpan.FromHours(12));
        await using var second = new ConciergeApp(url, FastJobs) { Clock = clock };
        var again = second.OperatorClient();
        var sent = await EventuallyAsync(async () => (await again.GetJsonAsync("/api/v1/followups?state=sent"))["follow_ups"]!.AsArray(), 1);
        await Task.Delay(300, Ct);
        var history = (await again.GetJsonAsync($"/session/{sessionId}"))["messages"]!.AsArray();

        Assert.Single(sent);
        Assert.Single(history, m => ((string?)m!["content"])!.StartsWith("Reminder: your Dinner booking for 2", StringComparison.Ordinal));
    }
}
