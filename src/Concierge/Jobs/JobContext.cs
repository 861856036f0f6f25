using System.Text.Json.Nodes;

namespace Concierge.Jobs;

/// <summary>
/// What a handler gets for one run. Jobs run at least once: a handler whose effect must not
/// happen twice records <see cref="JobId"/> with the effect (its idempotency key) and checks it first.
/// </summary>
/// <param name="JobId">The job's id, the same on every attempt.</param>
/// <param name="Attempt">1 for the first run, 2 for the first retry...</param>
public sealed record JobContext(Guid JobId, Guid TenantId, Guid? SessionId, string Kind, JsonObject Payload, int Attempt, DateTimeOffset RunAt);
