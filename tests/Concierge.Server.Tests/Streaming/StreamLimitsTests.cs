using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Concierge.Server.Streaming;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeOpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Streaming;

/// <summary>Bounded buffers: a reader that does not read holds only its connection, and many streams hold no thread each.</summary>
public sealed class StreamLimitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_that_never_reads_does_not_hold_the_turn_or_grow_the_servers_memory_and_loses_nothing()
    {
        // About 1.5 MB of events, against a 4 KB receive window: far more than the buffers between hold.
        const int Words = 20_000;
        var answer = string.Join(' ', Enumerable.Range(0, Words).Select(i => "w" + (i % 1000).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await using var model = await FakeOpenAiServer.StartAsync();
        model.Stream(new FakeStep.Stream(answer));
        using var server = await ServerProcess.StartReadyAsync(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string>
        {
            ["OPENAI_API_KEY"] = "sk-test-stream-0123456789",
            ["OPENAI_BASE_URL"] = model.BaseUrl.ToString(),
        });
        using var staff = server.OperatorClient();
        var session = await staff.NewChatSessionAsync();
        var rssBefore = RssMb(server.Id);

        // A raw socket with a small window that sends the request and then reads nothing.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(IPAddress.Loopback, server.Port, Ct);
        var body = """{"message":"Say a lot."}""";
        var request = $"POST /api/v1/sessions/{session}/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {staff.DefaultRequestHeaders.Authorization}\r\n"
            + $"Accept: text/event-stream\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, Ct);

        // The turn commits whole while the reader reads nothing.
        await ResumeTests.Eventually(async () =>
        {
            var history = await staff.GetJsonAsync($"/api/v1/sessions/{session}/messages");
            return history["messages"]!.AsArray().Count == 2;
        }, seconds: 60);
        var reply = (string)(await staff.GetJsonAsync($"/api/v1/sessions/{session}/messages"))["messages"]![1]!["content"]!;
        Assert.Equal(answer, reply);
        Assert.True(RssMb(server.Id) - rssBefore < 150, $"the server grew from {rssBefore} MB to {RssMb(server.Id)} MB for one unread stream");

        // The reader gives up; nothing of the stream is lost: a reconnect replays it whole.
        socket.Close();
        using var resumed = await SseReading.ResumeAsync(staff, session, null, Ct);
        using var replay = await SseReading.OpenAsync(resumed, Ct);
        var events = await replay.UntilEndAsync(Ct);
        Assert.Equal("done", events[^1].Name);
        Assert.Equal(answer, SseReading.Text(events));
    }

    [Fact]
    public async Task A_thousand_streams_open_at_once_are_held_without_a_thread_each_and_all_end_with_the_turn()
    {
        const int Streams = 1000;
        await using var model = await FakeOpenAiServer.StartAsync();
        var release = new TaskCompletionSource();
        model.Stream(new FakeStep.Stream("Everyone hears the same answer.") { HoldAfterFirstChunk = release.Task });
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-stream-0123456789",
            ["OPENAI_BASE_URL"] = model.BaseUrl.ToString(),
            ["STREAM_HEARTBEAT"] = "1s",
        });
        var client = app.OperatorClient();
        var session = await client.NewChatSessionAsync();
        using var original = await SseReading.PostAsync(client, session, "Tell everyone?", Ct);
        using var first = await SseReading.OpenAsync(original, Ct);
        var id = (await first.NextAsync(Ct))!.Id!.Split(':')[0] + ":0";

        var threadsBefore = Process.GetCurrentProcess().Threads.Count;
        var readers = new List<(HttpResponseMessage Response, SseReading Reading)>();
        for (var batch = 0; batch < Streams; batch += 100)
        {
            var opened = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
            {
                var response = await SseReading.ResumeAsync(client, session, id, Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var reading = await SseReading.OpenAsync(response, Ct);
                Assert.Equal("delta", (await reading.NextAsync(Ct))!.Name);
                return (response, reading);
            }));
            readers.AddRange(opened);
        }

        var threadsOpen = Process.GetCurrentProcess().Threads.Count;
        Assert.True(threadsOpen - threadsBefore < 100, $"{Streams} open streams took {threadsOpen - threadsBefore} more threads");

        release.SetResult();
        var ends = await Task.WhenAll(readers.Select(r => r.Reading.UntilEndAsync(Ct)));
        Assert.All(ends, events => Assert.Equal("done", events[^1].Name));
        Assert.All(ends, events => Assert.Equal(" hears the same answer.", SseReading.Text(events)));
        foreach (var (response, reading) in readers)
        {
            reading.Dispose();
            response.Dispose();
        }

        await ResumeTests.Eventually(() => Task.FromResult(app.Services.GetRequiredService<TurnStreamHub>().LiveCount == 0));
    }

    private static double RssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
