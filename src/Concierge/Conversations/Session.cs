using System.Text.Json.Nodes;

namespace Concierge.Conversations;

/// <summary>
/// A conversation between one caller and one agent, with the state its skill has learned.
/// Immutable: a turn produces a new value that the store commits.
/// </summary>
public sealed record Session
{
    public required Guid Id { get; init; }
    public required Guid TenantId { get; init; }
    public required Guid AgentId { get; init; }
    public required string Channel { get; init; }
    public string? CustomerId { get; init; }

    /// <summary>Slots the skill has learned (the debug document's <c>memory</c>).</summary>
    public JsonObject Memory { get; init; } = [];

    /// <summary>The skill's work in progress (the template draft, the booking...), if any.</summary>
    public JsonObject? Draft { get; init; }

    /// <summary>Identifies the current draft; a new draft (e.g. an edit after FINAL) gets a new id.</summary>
    public Guid? DraftId { get; init; }

    public string? LastAction { get; init; }

    /// <summary>The exact body the skill handed over on FINAL (e.g. Meta's create-template call).</summary>
    public JsonObject? FinalPayload { get; init; }

    public int MessageCount { get; init; }
    public int ModelCallCount { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When an anonymous session stops being usable; null for customer-keyed sessions.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Optimistic concurrency token: bumped by every committed turn.</summary>
    public long Version { get; init; }

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expiry && expiry <= now;
}
