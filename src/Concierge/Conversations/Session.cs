using Concierge.Skills;

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

    /// <summary>
    /// The skill the session runs now; null means the agent's entry skill. A hand-over to another
    /// skill of the agent sets it; a hand-over to another agent resets it.
    /// </summary>
    public string? Skill { get; init; }

    /// <summary>The active skill's typed state, serialised (memory, draft... as that skill defines them).</summary>
    public SkillStateDocument State { get; init; } = SkillStateDocument.Empty;

    public string? LastAction { get; init; }

    public int MessageCount { get; init; }
    public int ModelCallCount { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When an anonymous session stops being usable; null for customer-keyed sessions.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>
    /// When the crisis protocol first answered in this session; null when the session is not in crisis
    /// mode. While set, turns stay supportive (docs/safety.md, "Crisis mode").
    /// </summary>
    public DateTimeOffset? CrisisSince { get; init; }

    /// <summary>Calm user messages in a row since the last crisis signal; crisis mode ends at <see cref="Safety.CrisisMode.CalmTurnsToEnd"/>.</summary>
    public int CrisisCalmTurns { get; init; }

    /// <summary>Optimistic concurrency token: bumped by every committed turn.</summary>
    public long Version { get; init; }

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expiry && expiry <= now;
}
