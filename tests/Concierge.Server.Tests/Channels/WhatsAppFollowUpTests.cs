using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeGraph;
using static Concierge.Server.Tests.Channels.ChannelFixtures;

namespace Concierge.Server.Tests.Channels;

/// <summary>A booking made on WhatsApp gets its reminder on WhatsApp (issue 12's gap), through channel.send and its window rule.</summary>
public sealed class WhatsAppFollowUpTests
{
    [Fact]
    public async Task A_booking_made_on_WhatsApp_gets_its_reminder_sent_to_the_customer_on_WhatsApp()
    {
        await using var graph = await FakeGraphServer.StartAsync(Ct);
        await using var app = new ConciergeApp(
            await TestDatabase.CreateAsync(DatabaseKind.Sqlite),
            Settings(graph.BaseUrl, new() { ["WHATSAPP_AGENT"] = "hibachi", ["FOLLOWUP_REMINDER_LEAD"] = "72h" }));

        await PostSignedAsync(app.Client(), Text("Hibachi at home for 4 tomorrow at 6pm, I'm Bo Chen, bo@example.com", "wamid.book1"));
        await EventuallyAsync(async () => graph.Sent.Count >= 1 ? graph.Sent : null, "the first reply");
        await PostSignedAsync(app.Client(), Text("yes", "wamid.book2"));

        var reminder = await EventuallyAsync(
            async () => graph.Sent.FirstOrDefault(r => r.Body?["text"]?["body"]?.GetValue<string>().StartsWith("Reminder:", StringComparison.Ordinal) == true),
            "the reminder on WhatsApp",
            20);

        Assert.Equal("+" + WaId, reminder.Body!["to"]!.GetValue<string>());
        var messages = await MessagesAsync(app.OperatorClient(), (await SessionIdAsync(app.OperatorClient()))!);
        var stored = messages.Single(m => m!["content"]!.GetValue<string>().StartsWith("Reminder:", StringComparison.Ordinal));
        Assert.Equal("sent", (await EventuallyAsync(
            async () =>
            {
                var again = await MessagesAsync(app.OperatorClient(), (await SessionIdAsync(app.OperatorClient()))!);
                return again.Single(m => m!["id"]!.GetValue<string>() == stored!["id"]!.GetValue<string>())!["delivery"]?["state"]?.GetValue<string>() == "sent" ? "sent" : null;
            },
            "the reminder's delivery")));
    }
}
