using System.Collections.Concurrent;
using System.Diagnostics;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// What a client was told succeeded: a turn answered 2xx, a stream's <c>done</c>, a webhook's 200
/// (Meta's or Twilio's), a booking's 201, a knowledge document's 201.
/// </summary>
public enum AckKind
{
    Turn,
    Stream,
    WhatsApp,
    Twilio,
    Booking,
    Document,
}

/// <param name="Scope">The session (turns, streams), the customer's number (webhooks; Twilio's <c>whatsapp:+…</c> address), the local date (bookings), or the tenant's knowledge base (documents).</param>
/// <param name="Key">The message text, the booking's guest name or the document's id: unique in the run, so a lost or doubled one shows.</param>
/// <param name="At">Since the ledger started.</param>
/// <param name="Instance">Which server process answered (its index among the targets).</param>
public sealed record Ack(AckKind Kind, string Scope, string Key, TimeSpan At, int Instance);

/// <summary>
/// Everything the load's clients were told succeeded, and how the others were refused (status,
/// whether Retry-After came with it). Written by many clients at once; read by the checker after the load stopped.
/// </summary>
public sealed class FaultLedger
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Ack> _acks = new();
    private readonly ConcurrentDictionary<string, int> _refusals = new();
    private readonly ConcurrentDictionary<(AckKind, string), bool> _withdrawn = new();

    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<Ack> Acks => [.. _acks];

    /// <summary>Refusals by "503 retry-after", "500", "HttpRequestException"...: what clients saw besides success.</summary>
    public IReadOnlyDictionary<string, int> Refusals => _refusals;

    public void Acknowledged(AckKind kind, string scope, string key, int instance) => _acks.Enqueue(new Ack(kind, scope, key, Now, instance));

    /// <summary>
    /// The client itself deleted an acknowledged item and was told so (a 204): the checker then
    /// expects it gone, not stored; it is neither lost nor kept.
    /// </summary>
    public void Withdrawn(AckKind kind, string key) => _withdrawn[(kind, key)] = true;

    public bool IsWithdrawn(Ack ack) => _withdrawn.ContainsKey((ack.Kind, ack.Key));

    public void Refused(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var label = status == 503 || status == 429
            ? $"{status} {(response.Headers.RetryAfter is null ? "without" : "with")} Retry-After"
            : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _refusals.AddOrUpdate(label, 1, (_, n) => n + 1);
    }

    public void Failed(Exception exception) => _refusals.AddOrUpdate(exception.GetType().Name, 1, (_, n) => n + 1);

    public int RefusedWith(Func<string, bool> label) => _refusals.Where(r => label(r.Key)).Sum(r => r.Value);

    /// <summary>The first acknowledgement at or after <paramref name="from"/>, minus it: how long until clients were served again.</summary>
    public TimeSpan? FirstAckAfter(TimeSpan from, int? instance = null) =>
        _acks.Where(a => a.At >= from && (instance is null || a.Instance == instance)).Select(a => (TimeSpan?)(a.At - from)).Min();
}
