using System.Text.Json.Nodes;
using Concierge.Server.Tests.Channels;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeGraph;
using Concierge.Testing.FakeTwilio;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// The independent check after a fault: reads everything back through the public API of a live
/// instance (an operator's view), never through the process that acknowledged it. A turn or a
/// stream is found when its user message is in its session's history exactly once, followed by
/// the assistant's reply; a WhatsApp message when the customer's conversation holds it once and
/// the fake Graph API received exactly one reply to that customer (a Twilio message likewise, with
/// the fake Twilio API). A reply stored and queued once that the provider received twice is counted apart, as "sent twice at the provider": the send is
/// at-least-once (docs/reliability.md), not a duplicated turn.
/// </summary>
public static class FaultChecker
{
    public static async Task<FaultReport> CheckAsync(
        string scenario, FaultLedger ledger, HttpClient operatorClient, FakeGraphServer? graph = null, IReadOnlyDictionary<string, string>? measures = null,
        FakeTwilioServer? twilio = null)
    {
        var lost = new List<string>();
        var duplicated = new List<string>();
        var sentTwice = new List<string>();
        var acks = ledger.Acks;
        foreach (var session in acks.Where(a => a.Kind is AckKind.Turn or AckKind.Stream).GroupBy(a => a.Scope))
        {
            var messages = await MessagesAsync(operatorClient, session.Key);
            foreach (var ack in session)
            {
                var at = messages.Select((m, i) => (m, i)).Where(x => x.m.Role == "user" && x.m.Content == ack.Key).Select(x => x.i).ToList();
                if (at.Count == 0)
                {
                    lost.Add($"{ack.Kind} '{ack.Key}' in session {ack.Scope}");
                }
                else if (at.Count > 1)
                {
                    duplicated.Add($"{ack.Kind} '{ack.Key}' x{at.Count} in session {ack.Scope}");
                }
                else if (at[0] + 1 >= messages.Count || messages[at[0] + 1].Role != "assistant")
                {
                    lost.Add($"the reply to {ack.Kind} '{ack.Key}' in session {ack.Scope}");
                }
            }
        }

        var graphSends = graph?.Accepted.GroupBy(Recipient).ToDictionary(g => g.Key, g => g.Count()) ?? [];
        foreach (var ack in acks.Where(a => a.Kind == AckKind.WhatsApp))
        {
            var session = await ChannelFixtures.SessionIdAsync(operatorClient, ack.Scope);
            CheckChannel(ack, session is null ? [] : await MessagesAsync(operatorClient, session), graph is null ? null : graphSends.GetValueOrDefault(ack.Scope));
        }

        var twilioSends = twilio?.Accepted.GroupBy(f => f.GetValueOrDefault("To") ?? "?").ToDictionary(g => g.Key, g => g.Count()) ?? [];
        foreach (var ack in acks.Where(a => a.Kind == AckKind.Twilio))
        {
            var session = await TwilioFixtures.SessionIdAsync(operatorClient, ack.Scope);
            CheckChannel(ack, session is null ? [] : await MessagesAsync(operatorClient, session), twilio is null ? null : twilioSends.GetValueOrDefault(ack.Scope));
        }

        // One inbound message from a customer of its own: stored once, one reply stored, and (when
        // the provider is watched) one reply received by the provider.
        void CheckChannel(Ack ack, List<StoredMessage> messages, int? replies)
        {
            var stored = messages.Count(m => m.Role == "user" && m.Content == ack.Key);
            var answers = messages.Count(m => m.Role == "assistant");
            var what = $"{ack.Kind} '{ack.Key}' from {ack.Scope} (stored {stored}, replies stored {answers}, replies sent {replies?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not watched"})";
            if (stored == 0 || replies == 0)
            {
                lost.Add(what);
            }
            else if (stored == 1 && answers == 1 && replies > 1)
            {
                // One turn, one reply queued once, yet the provider took it twice: the send's own crash
                // window (accepted, the instance killed before it recorded that), at-least-once by design.
                sentTwice.Add(what);
            }
            else if (stored > 1 || answers > 1 || replies > 1)
            {
                duplicated.Add(what);
            }
        }

        var counts = acks.GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Count());
        return new FaultReport(scenario, counts, lost, duplicated, new Dictionary<string, int>(ledger.Refusals), measures ?? new Dictionary<string, string>())
        {
            SentTwiceAtProvider = sentTwice,
        };
    }

    /// <summary>Replies the fake Graph API has received for the acknowledged WhatsApp messages (to wait for the jobs to finish).</summary>
    public static int RepliesFor(FaultLedger ledger, FakeGraphServer graph)
    {
        var numbers = ledger.Acks.Where(a => a.Kind == AckKind.WhatsApp).Select(a => a.Scope).ToHashSet();
        return graph.Accepted.Select(Recipient).Where(numbers.Contains).Distinct().Count();
    }

    /// <summary>Replies the fake Twilio API has received for the acknowledged Twilio messages (to wait for the jobs to finish).</summary>
    public static int RepliesFor(FaultLedger ledger, FakeTwilioServer twilio)
    {
        var numbers = ledger.Acks.Where(a => a.Kind == AckKind.Twilio).Select(a => a.Scope).ToHashSet();
        return twilio.Accepted.Select(f => f.GetValueOrDefault("To")).Where(to => to is not null && numbers.Contains(to)).Distinct().Count();
    }

    // Concierge sends to "+16505551234"; the webhook's customer is "16505551234".
    private static string Recipient(Testing.RecordedRequest send) => ((string?)send.Body?["to"] ?? "?").TrimStart('+');

    public sealed record StoredMessage(string Role, string Content);

    /// <summary>Every message of a session, oldest first, page by page.</summary>
    public static async Task<List<StoredMessage>> MessagesAsync(HttpClient operatorClient, string session)
    {
        var all = new List<StoredMessage>();
        for (int? after = 0; after is not null;)
        {
            var page = await operatorClient.GetJsonAsync($"/api/v1/sessions/{session}/messages?limit=200&after={after}");
            all.AddRange(page["messages"]!.AsArray().Select(m => new StoredMessage((string)m!["role"]!, (string)m["content"]!)));
            after = page["next_after"] is JsonValue next ? (int)next : null;
        }

        return all;
    }
}
