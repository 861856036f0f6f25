using System.Text;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Streaming;

/// <summary>One server-sent event as a client reads it.</summary>
public sealed record SseRead(string? Name, string? Id, JsonNode Data);

/// <summary>Reads SSE the way EventSource does: fields until a blank line, comments counted apart.</summary>
public sealed class SseReading(Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body, Encoding.UTF8);

    /// <summary>Comment lines (": ping") seen so far.</summary>
    public int Pings { get; private set; }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string session, string message, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{session}/messages")
        {
            Content = Json.Body(new JsonObject { ["message"] = message }.ToJsonString()),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    public static async Task<HttpResponseMessage> ResumeAsync(HttpClient client, string session, string? lastEventId, CancellationToken cancellationToken, bool inQuery = false)
    {
        var url = $"/api/v1/sessions/{session}/stream" + (inQuery && lastEventId is not null ? $"?last_event_id={Uri.EscapeDataString(lastEventId)}" : string.Empty);
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (!inQuery && lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    public static async Task<SseReading> OpenAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        new(await response.Content.ReadAsStreamAsync(cancellationToken));

    public async Task<SseRead?> NextAsync(CancellationToken cancellationToken)
    {
        string? name = null, id = null, data = null;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    return new SseRead(name, id, JsonNode.Parse(data)!);
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                Pings++;
                continue;
            }

            var (field, value) = line.IndexOf(':') is var at and > 0 ? (line[..at], line[(at + 1)..].TrimStart()) : (line, string.Empty);
            switch (field)
            {
                case "event": name = value; break;
                case "id": id = value; break;
                case "data": data = value; break;
            }
        }

        return null;
    }

    /// <summary>Every event until done or error (inclusive), or the end of the body.</summary>
    public async Task<List<SseRead>> UntilEndAsync(CancellationToken cancellationToken)
    {
        var events = new List<SseRead>();
        while (await NextAsync(cancellationToken) is { } e)
        {
            events.Add(e);
            if (e.Name is "done" or "error")
            {
                break;
            }
        }

        return events;
    }

    public static string Text(IEnumerable<SseRead> events) =>
        string.Concat(events.Where(e => e.Name == "delta").Select(e => (string)e.Data["text"]!));

    public void Dispose() => _reader.Dispose();
}
