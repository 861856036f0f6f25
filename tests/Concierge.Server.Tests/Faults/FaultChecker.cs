using System.Collections.Concurrent;
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
/// at-least-once (docs/reliability.md), not a duplicated turn. A booking is found when its day's
/// list holds its guest once, booked; a document when the tenant's list holds it once, or no more
/// once the client's delete of it was acknowledged. Each session, day and list is read once, by
/// several readers at a time.
/// </summary>
public static class FaultChecker
{
    // Readers at once: a long soak acknowledges 100,000+ items, and one request at a time took more
    // than an hour to read them back. Eight keep the server busy without starving it on two cores.
    private const int Readers = 8;

    public static async Task<FaultReport> CheckAsync(
        string scenario, FaultLedger ledger, HttpClient operatorClient, FakeGraphServer? graph = null, IReadOnlyDictionary<string, string>? measures = null,
        FakeTwilioServer? twilio = null)
    {
        var lost = new ConcurrentQueue<string>();
        var duplicated = new ConcurrentQueue<string>();
        var sentTwice = new ConcurrentQueue<string>();
        var acks = ledger.Acks;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Readers };

        // Each session's history is read once, for all the turns and streams acknowledged in it.
        await Parallel.ForEachAsync(acks.Where(a => a.Kind is AckKind.Turn or AckKind.Stream).GroupBy(a => a.Scope), parallel, async (session, _) =>
        {
            var messages = await MessagesAsync(operatorClient, session.Key);
            foreach (var ack in session)
            {
                var at = messages.Select((m, i) => (m, i)).Where(x => x.m.Role == "user" && x.m.Content == ack.Key).Select(x => x.i).ToList();
                if (at.Count == 0)
                {
                    lost.Enqueue($"{ack.Kind} '{ack.Key}' in session {ack.Scope}");
                }
                else if (at.Count > 1)
                {
                    duplicated.Enqueue($"{ack.Kind} '{ack.Key}' x{at.Count} in session {ack.Scope}");
                }
                else if (at[0] + 1 >= messages.Count || messages[at[0] + 1].Role != "assistant")
                {
                    lost.Enqueue($"the reply to {ack.Kind} '{ack.Key}' in session {ack.Scope}");
                }
            }
        });

        // The customers' sessions, listed once: asking per customer (?customer_id=) is a scan of the
        // tenant's sessions on each call, quadratic over a long run's tens of thousands of customers.
        var channelAcks = acks.Where(a => a.Kind is AckKind.WhatsApp or AckKind.Twilio).ToList();
        var customers = channelAcks.Count == 0 ? [] : await SessionsByCustomerAsync(operatorClient);
        var graphSends = graph?.Accepted.GroupBy(Recipient).ToDictionary(g => g.Key, g => g.Count()) ?? [];
        var twilioSends = twilio?.Accepted.GroupBy(f => f.GetValueOrDefault("To") ?? "?").ToDictionary(g => g.Key, g => g.Count()) ?? [];
        await Parallel.ForEachAsync(channelAcks, parallel, async (ack, _) =>
        {
            var customer = ack.Kind == AckKind.WhatsApp ? $"whatsapp:{ChannelFixtures.PhoneNumberId}:{ack.Scope}" : TwilioFixtures.CustomerId(ack.Scope);
            var messages = new List<StoredMessage>();
            // Every session of the customer, not only the newest: a message stored twice in two
            // sessions is a duplicate too.
            foreach (var session in customers.GetValueOrDefault(customer) ?? [])
            {
                messages.AddRange(await MessagesAsync(operatorClient, session));
            }

            int? replies = ack.Kind == AckKind.WhatsApp
                ? graph is null ? null : graphSends.GetValueOrDefault(ack.Scope)
                : twilio is null ? null : twilioSends.GetValueOrDefault(ack.Scope);
            CheckChannel(ack, messages, replies);
        });

        // One inbound message from a customer of its own: stored once, one reply stored, and (when
        // the provider is watched) one reply received by the provider.
        void CheckChannel(Ack ack, List<StoredMessage> messages, int? replies)
        {
            var stored = messages.Count(m => m.Role == "user" && m.Content == ack.Key);
            var answers = messages.Count(m => m.Role == "assistant");
            var what = $"{ack.Kind} '{ack.Key}' from {ack.Scope} (stored {stored}, replies stored {answers}, replies sent {replies?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not watched"})";
            if (stored == 0 || replies == 0)
            {
                lost.Enqueue(what);
            }
            else if (stored == 1 && answers == 1 && replies > 1)
            {
                // One turn, one reply queued once, yet the provider took it twice: the send's own crash
                // window (accepted, the instance killed before it recorded that), at-least-once by design.
                sentTwice.Enqueue(what);
            }
            else if (stored > 1 || answers > 1 || replies > 1)
            {
                duplicated.Enqueue(what);
            }
        }

        // Bookings: each day's list read once; an acknowledged booking is there once, by its guest's
        // name (unique in the run), so a booking stored twice under two ids shows too.
        await Parallel.ForEachAsync(acks.Where(a => a.Kind == AckKind.Booking).GroupBy(a => a.Scope), parallel, async (day, _) =>
        {
            var list = await operatorClient.GetJsonAsync($"/api/v1/bookings?date={day.Key}");
            var names = list["bookings"]!.AsArray().Where(b => (string?)b!["status"] == "booked").GroupBy(b => (string?)b!["name"] ?? "").ToDictionary(g => g.Key, g => g.Count());
            foreach (var ack in day)
            {
                switch (names.GetValueOrDefault(ack.Key))
                {
                    case 0: lost.Enqueue($"booking '{ack.Key}' on {ack.Scope}"); break;
                    case > 1 and var n: duplicated.Enqueue($"booking '{ack.Key}' x{n} on {ack.Scope}"); break;
                }
            }
        });

        // Documents: listed once; one acknowledged and not deleted since is there once, one whose
        // delete was acknowledged (a 204) is gone (still listed counts with the duplicates: stored
        // beyond what the client was told).
        var documents = acks.Where(a => a.Kind == AckKind.Document).ToList();
        if (documents.Count > 0)
        {
            var list = await operatorClient.GetJsonAsync("/api/v1/knowledge/documents");
            var ids = list["documents"]!.AsArray().GroupBy(d => (string?)d!["id"] ?? "").ToDictionary(g => g.Key, g => g.Count());
            foreach (var ack in documents)
            {
                var count = ids.GetValueOrDefault(ack.Key);
                if (ledger.IsWithdrawn(ack))
                {
                    if (count > 0)
                    {
                        duplicated.Enqueue($"document {ack.Key}, deleted (204), still listed");
                    }
                }
                else if (count == 0)
                {
                    lost.Enqueue($"document {ack.Key}");
                }
                else if (count > 1)
                {
                    duplicated.Enqueue($"document {ack.Key} x{count}");
                }
            }
        }

        var counts = acks.GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Count());
        return new FaultReport(scenario, counts, [.. lost.Order(StringComparer.Ordinal)], [.. duplicated.Order(StringComparer.Ordinal)], new Dictionary<string, int>(ledger.Refusals), measures ?? new Dictionary<string, string>())
        {
            SentTwiceAtProvider = [.. sentTwice.Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>Every session of the tenant with a customer, newest first, by customer id: page by page, once.</summary>
    public static async Task<Dictionary<string, List<string>>> SessionsByCustomerAsync(HttpClient operatorClient)
    {
        var byCustomer = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (string? after = ""; after is not null;)
        {
            var page = await operatorClient.GetJsonAsync($"/api/v1/sessions?limit=200{(after.Length == 0 ? "" : $"&after={after}")}");
            foreach (var session in page["sessions"]!.AsArray())
            {
                if ((string?)session!["customer_id"] is { } customer)
                {
                    (byCustomer.TryGetValue(customer, out var ids) ? ids : byCustomer[customer] = []).Add((string)session["id"]!);
                }
            }

            after = (string?)page["next_after"];
        }

        return byCustomer;
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
