using System.Text.Json.Nodes;

namespace Concierge.Jobs;

/// <summary>
/// Background work asked for by a turn (or an operator), written as a row in the same transaction
/// as whatever asked for it (a transactional outbox): a crash after the commit cannot lose it, a
/// crash before it loses nothing that was acknowledged. A worker runs it afterwards, at least once.
/// </summary>
/// <param name="Kind">Which handler runs it ("emotion.detect", "followup.send"...).</param>
/// <param name="Payload">What the handler needs; small, JSON.</param>
/// <param name="RunAt">Not before this time (a reminder); null means as soon as possible.</param>
/// <param name="DedupKey">When set, a second job with the same kind and key for the tenant is not enqueued.</param>
/// <param name="SessionId">The session it belongs to, if any (for the debug view and erasure).</param>
public sealed record JobRequest(
    string Kind,
    JsonObject Payload,
    DateTimeOffset? RunAt = null,
    string? DedupKey = null,
    Guid? SessionId = null);
