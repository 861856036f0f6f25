using System.Text.Json.Nodes;

namespace Concierge.Templates;

/// <summary>
/// A WhatsApp message template a tenant finalised: the exact body of Meta's
/// <c>POST /{version}/{waba-id}/message_templates</c> (<see cref="Payload"/>) and what Meta has
/// said about it since. One per (tenant, name, language), as Meta counts them.
/// </summary>
public sealed record StoredTemplate
{
    public required Guid Id { get; init; }

    public required Guid TenantId { get; init; }

    /// <summary>The conversation that produced it, when one did.</summary>
    public Guid? SessionId { get; init; }

    public required string Name { get; init; }

    /// <summary>Meta's code, normalised (<see cref="TemplateLanguage.Normalize"/>).</summary>
    public required string Language { get; init; }

    /// <summary>As requested, then as Meta answered (Meta may recategorise).</summary>
    public string? Category { get; init; }

    public required JsonObject Payload { get; init; }

    public TemplateStatus Status { get; init; } = TemplateStatus.Draft;

    /// <summary>Meta's template id, once submitted (a number, kept as text).</summary>
    public string? MetaTemplateId { get; init; }

    /// <summary>Meta's reason for the last status change (REJECTED, PAUSED...); null when none or NONE.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>The key of the last webhook event applied, so a redelivery changes nothing.</summary>
    public string? LastEventKey { get; init; }

    /// <summary>When Meta says the last applied event happened (a webhook entry's <c>time</c>).</summary>
    public DateTimeOffset? LastEventAt { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
