using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Channels;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Server.Tests.Streaming;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// Concurrent clients for the fault scenarios: each loops until stopped, sends messages that are
/// unique in the run, and writes what it was told succeeded into the ledger. Clients never resend
/// a refused message (a resend is the client's choice, not the server's duplicate): a refusal is
/// counted, the client pauses and goes on with a new message.
/// </summary>
public sealed class FaultLoad(FaultTargets targets, FaultLedger ledger)
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan AfterRefusal = TimeSpan.FromMilliseconds(200);
    private readonly List<Task> _clients = [];
    private readonly CancellationTokenSource _stop = new();

    // One session per client, made on its first message.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _sessions = new();
    // Customer numbers, one per message, unique in the test process: a scenario that restarts its
    // server runs a new load on the same database, and a number reused would read as a doubled reply.
    private static int _numbers;

    public FaultLedger Ledger => ledger;

    /// <summary>The agent of the stream clients' sessions (the tenant's default when null).</summary>
    public string? StreamAgent { get; init; }

    /// <summary>
    /// Messages a chat or stream client sends into one session before it opens the next (null: one
    /// session for the whole run, as the fault scenarios want). The soak sets it: a real conversation
    /// is a few turns, not one session growing by a turn every few milliseconds for half an hour.
    /// </summary>
    public int? TurnsPerSession { get; init; }

    /// <summary>
    /// Starts <paramref name="chats"/> /chat clients, <paramref name="streams"/> SSE clients,
    /// <paramref name="webhooks"/> WhatsApp senders and <paramref name="twilio"/> Twilio senders
    /// (the server needs <see cref="TwilioFixtures.Settings"/> for those).
    /// </summary>
    public FaultLoad Start(int chats, int streams = 0, int webhooks = 0, int twilio = 0)
    {
        for (var i = 0; i < chats; i++)
        {
            var name = $"chat{i}";
            _clients.Add(Task.Run(() => LoopAsync(name, ChatAsync)));
        }

        for (var i = 0; i < streams; i++)
        {
            var name = $"stream{i}";
            _clients.Add(Task.Run(() => LoopAsync(name, StreamAsync)));
        }

        for (var i = 0; i < webhooks; i++)
        {
            var name = $"hook{i}";
            _clients.Add(Task.Run(() => LoopAsync(name, WebhookAsync)));
        }

        for (var i = 0; i < twilio; i++)
        {
            var name = $"twilio{i}";
            _clients.Add(Task.Run(() => LoopAsync(name, TwilioAsync)));
        }

        return this;
    }

    /// <summary>Stops every client and waits for the requests in flight to end (each its own way).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
    }

    private async Task LoopAsync(string name, Func<string, int, Task<bool>> send)
    {
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            bool ok;
            try
            {
                ok = await send(name, n);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or System.Text.Json.JsonException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                ledger.Failed(e);
                ok = false;
            }

            try
            {
                await Task.Delay(ok ? Pause : AfterRefusal, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void NextSessionEvery(string client, int n)
    {
        if (TurnsPerSession is { } turns && n > 0 && n % turns == 0)
        {
            _sessions.TryRemove(client, out _);
        }
    }

    private async Task<bool> ChatAsync(string client, int n)
    {
        NextSessionEvery(client, n);
        var (instance, http, _) = targets.Next();
        if (!_sessions.TryGetValue(client, out var session))
        {
            using var created = await http.GetAsync("/session/new", _stop.Token);
            if (!created.IsSuccessStatusCode)
            {
                ledger.Refused(created);
                return false;
            }

            session = (string)(await created.ReadObjectAsync())["session_id"]!;
            _sessions[client] = session;
        }

        var message = $"{client} message {n} {Guid.NewGuid():N}";
        using var response = await http.PostAsJsonAsync("/chat", new { message, session_id = session }, CancellationToken.None);
        if (!response.IsSuccessStatusCode)
        {
            ledger.Refused(response);
            return false;
        }

        _ = await response.Content.ReadAsStringAsync(CancellationToken.None);
        ledger.Acknowledged(AckKind.Turn, session, message, instance);
        return true;
    }

    private async Task<bool> StreamAsync(string client, int n)
    {
        NextSessionEvery(client, n);
        var (instance, _, http) = targets.Next();
        if (!_sessions.TryGetValue(client, out var session))
        {
            var body = StreamAgent is null ? "{}" : new JsonObject { ["agent"] = StreamAgent }.ToJsonString();
            using var created = await http.PostAsync("/api/v1/sessions", Json.Body(body), _stop.Token);
            if (!created.IsSuccessStatusCode)
            {
                ledger.Refused(created);
                return false;
            }

            session = (string)(await created.ReadObjectAsync())["id"]!;
            _sessions[client] = session;
        }

        var message = $"{client} message {n} {Guid.NewGuid():N}";
        using var response = await SseReading.PostAsync(http, session, message, CancellationToken.None);
        if (!response.IsSuccessStatusCode)
        {
            ledger.Refused(response);
            return false;
        }

        using var reading = await SseReading.OpenAsync(response, CancellationToken.None);
        var events = await reading.UntilEndAsync(CancellationToken.None);
        if (events.Count == 0 || events[^1].Name != "done")
        {
            ledger.Failed(new IOException($"stream ended with {(events.Count == 0 ? "nothing" : events[^1].Name)}"));
            return false;
        }

        ledger.Acknowledged(AckKind.Stream, session, message, instance);
        return true;
    }

    // Every message from a customer number of its own: one inbound message, one reply, nothing to
    // coalesce (two quick messages from one customer may be answered together, by design).
    private async Task<bool> WebhookAsync(string client, int n)
    {
        var (instance, http, _) = targets.Next();
        var number = $"1650{Interlocked.Increment(ref _numbers):D7}";
        var message = $"{client} hello {n} {Guid.NewGuid():N}";
        var json = ChannelFixtures.Text(message, $"wamid.fault-{Guid.NewGuid():N}", from: number);
        using var response = await ChannelFixtures.PostSignedAsync(http, json);
        if (!response.IsSuccessStatusCode)
        {
            ledger.Refused(response);
            return false;
        }

        ledger.Acknowledged(AckKind.WhatsApp, number, message, instance);
        return true;
    }

    // As the WhatsApp senders: a number of its own per message, so each gets one reply.
    private async Task<bool> TwilioAsync(string client, int n)
    {
        var (instance, http, _) = targets.Next();
        var from = $"whatsapp:+1651{Interlocked.Increment(ref _numbers):D7}";
        var message = $"{client} hello {n} {Guid.NewGuid():N}";
        var form = TwilioFixtures.Inbound($"SM{Guid.NewGuid():N}", message, from);
        using var response = await TwilioFixtures.PostSignedAsync(http, form, CancellationToken.None);
        if (!response.IsSuccessStatusCode)
        {
            ledger.Refused(response);
            return false;
        }

        _ = await response.Content.ReadAsStringAsync(CancellationToken.None);
        ledger.Acknowledged(AckKind.Twilio, from, message, instance);
        return true;
    }
}
