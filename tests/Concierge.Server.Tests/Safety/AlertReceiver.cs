using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Concierge.Testing;
using Microsoft.AspNetCore.Http;

namespace Concierge.Server.Tests.Safety;

/// <summary>A real HTTP receiver of alert webhooks on loopback: records every POST, answers the queued statuses (then 200).</summary>
public sealed class AlertReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly ConcurrentQueue<(JsonObject Body, string Raw, IHeaderDictionary Headers)> _received = new();
    private LoopbackServer _server = null!;

    public Uri Url => new(_server.Address, "/hooks/alerts");

    public IReadOnlyList<(JsonObject Body, string Raw, IHeaderDictionary Headers)> Received => [.. _received];

    public static async Task<AlertReceiver> StartAsync()
    {
        var receiver = new AlertReceiver();
        receiver._server = await LoopbackServer.StartAsync(receiver.HandleAsync, CancellationToken.None);
        return receiver;
    }

    public AlertReceiver Answer(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }

        return this;
    }

    public async Task<IReadOnlyList<(JsonObject Body, string Raw, IHeaderDictionary Headers)>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (_received.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return Received;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var raw = await reader.ReadToEndAsync();
        var headers = new HeaderDictionary();
        foreach (var (key, value) in context.Request.Headers)
        {
            headers[key] = value;
        }

        _received.Enqueue((JsonNode.Parse(raw)!.AsObject(), raw, headers));
        context.Response.StatusCode = _statuses.TryDequeue(out var status) ? status : 200;
    }
}
