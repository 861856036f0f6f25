using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Concierge.Bench.Scenarios;

/// <summary>
/// Seed 002's "store message" path: POST /api/ai/chat with a customer id, each virtual user its own
/// customer, so every request is a turn of the booking agent on a customer-keyed session (the
/// offline booking interpreter, the emotion job it enqueues included). The seed's target was under
/// 1 s; the report reads it against the INSERT floor. Run it with --connections 1 and 64.
/// </summary>
public sealed class BookingChatScenario : Scenario
{
    private static readonly string[] Messages =
    [
        "Hi, I'd like to book a hibachi dinner for 6 people",
        "Next Saturday at 7pm please",
        "What times do you have free that evening?",
        "My name is Alex Kim, phone 555-0142",
    ];

    public override string Name => "booking-chat";

    public override string Title => "POST /api/ai/chat, booking agent, one customer per user";

    public override async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var database = await context.Databases.CreateAsync(cancellationToken);
        await using var server = await context.Servers.ConciergeAsync(database, withModel: false, cancellationToken);
        using var client = BenchContext.Client(server.BaseUrl);
        var users = context.Options.Connections;
        var turns = new int[users];

        // Each customer's conversation goes round the same four messages, as a real one would move on.
        var requests = new Load.RequestSource(user => new HttpRequestMessage(HttpMethod.Post, "/api/ai/chat")
        {
            Content = JsonContent.Create(new BookingChatBody(Messages[Interlocked.Increment(ref turns[user]) % Messages.Length], $"bench-customer-{user}")),
        });
        return await context.MeasureAsync(Name, Title, BaselineScenario.Insert, server, client, users, requests, null, cancellationToken);
    }

    private sealed record BookingChatBody(
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("customer_id")] string CustomerId);
}
