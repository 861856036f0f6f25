using System.Text.Json.Nodes;

namespace Concierge.Models;

/// <summary>
/// One model call as it is stored and shown in the debug document. Payloads are the wire JSON
/// with every secret removed (they never hold the API key or an Authorization header).
/// </summary>
public sealed record ModelCallLog
{
    public required Guid Id { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string Provider { get; init; }
    public required string Model { get; init; }
    public required JsonNode RequestPayload { get; init; }
    public JsonNode? ResponsePayload { get; init; }
    public required long LatencyMs { get; init; }
    public int? InputTokens { get; init; }
    public int? OutputTokens { get; init; }

    /// <summary>Cost in US dollars from the configured price table; null when the model has no price.</summary>
    public decimal? Cost { get; init; }

    /// <summary>One of <see cref="ModelCallOutcome"/>'s values, or "http_NNN" for an HTTP status.</summary>
    public required string Outcome { get; init; }

    /// <summary>What went wrong, in words, never containing a secret; null when ok.</summary>
    public string? Error { get; init; }
}
