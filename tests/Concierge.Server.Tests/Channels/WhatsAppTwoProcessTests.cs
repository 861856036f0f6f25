using System.Net;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeGraph;
using static Concierge.Server.Tests.Channels.ChannelFixtures;

namespace Concierge.Server.Tests.Channels;

/// <summary>Meta's duplicate deliveries arriving at the same moment on two server processes sharing one PostgreSQL: one turn, one reply.</summary>
public sealed class WhatsAppTwoProcessTests
{
    [Fact]
    public async Task The_same_message_delivered_to_two_PostgreSQL_server_processes_at_once_makes_one_turn_and_one_reply()
    {
        await using var graph = await FakeGraphServer.StartAsync(Ct);
        var url = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var environment = Settings(graph.BaseUrl).ToDictionary(kv => kv.Key, kv => kv.Value!);
        using var first = await ServerProcess.StartReadyAsync(url, environment);
        using var second = await ServerProcess.StartReadyAsync(url, environment);

        for (var round = 0; round < 5; round++)
        {
            var json = Text($"hello number {round}", $"wamid.race-{round}");
            var responses = await Task.WhenAll(
                PostSignedAsync(first.Http, json), PostSignedAsync(second.Http, json), PostSignedAsync(first.Http, json), PostSignedAsync(second.Http, json));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        }

        using var operatorClient = first.OperatorClient();
        await EventuallyAsync(async () => graph.Sent.Count >= 5 ? graph.Sent : null, "five replies", 30);
        await Task.Delay(1000, Ct);

        Assert.Equal(5, graph.Sent.Count);
        var messages = await MessagesAsync(operatorClient, (await SessionIdAsync(operatorClient))!);
        Assert.Equal(10, messages.Count);
        Assert.Equal(5, messages.Count(m => m!["role"]!.GetValue<string>() == "user"));
    }
}
