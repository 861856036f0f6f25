using System.Text.Json.Nodes;

namespace Concierge.Templates;

/// <summary>
/// Where finalised templates live. Every method is scoped by tenant: another tenant's template is
/// reported as missing, exactly like one that never existed.
/// </summary>
public interface ITemplateStore
{
    /// <summary>
    /// Stores a FINAL creation payload, by (tenant, name, language): a new template as
    /// <see cref="TemplateStatus.Draft"/>, or an existing one given the new payload and put back to
    /// <see cref="TemplateStatus.Draft"/> (its Meta id is kept, so later webhooks still find it).
    /// Throws <see cref="ArgumentException"/> when the payload has no string name or language.
    /// </summary>
    Task<StoredTemplate> SaveFinalAsync(Guid tenantId, Guid? sessionId, JsonObject payload, CancellationToken cancellationToken);

    /// <summary>The tenant's templates, newest first.</summary>
    Task<IReadOnlyList<StoredTemplate>> ListAsync(Guid tenantId, CancellationToken cancellationToken);

    Task<StoredTemplate?> FindAsync(Guid tenantId, Guid templateId, CancellationToken cancellationToken);

    /// <summary>Records Meta's answer to the create call; null when the tenant has no such template.</summary>
    Task<StoredTemplate?> MarkSubmittedAsync(Guid tenantId, Guid templateId, string metaTemplateId, TemplateStatus status, string? category, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a status webhook event to the tenant's template with the event's Meta id, else with
    /// its name and (normalised) language. A duplicate (same <see cref="TemplateStatusUpdate.EventKey"/>
    /// as the last applied) or an event older than the last applied changes nothing.
    /// </summary>
    Task<TemplateUpdateOutcome> ApplyStatusUpdateAsync(Guid tenantId, TemplateStatusUpdate update, CancellationToken cancellationToken);
}

/// <summary>One <c>message_template_status_update</c> change, read from the webhook.</summary>
/// <param name="MetaTemplateId">Meta's template id (an integer on the wire), when present.</param>
/// <param name="Language">As sent; the store normalises it.</param>
/// <param name="Reason">Meta's reason; "NONE" or null mean none.</param>
/// <param name="EventKey">Identifies the delivery's content: the same event delivered twice has the same key.</param>
/// <param name="OccurredAt">The webhook entry's <c>time</c>, when given.</param>
public sealed record TemplateStatusUpdate(
    string? MetaTemplateId,
    string? Name,
    string? Language,
    TemplateStatus Status,
    string? Reason,
    string EventKey,
    DateTimeOffset? OccurredAt);

public enum TemplateUpdateOutcome
{
    /// <summary>The template was updated.</summary>
    Applied,

    /// <summary>The same event was applied before; nothing changed.</summary>
    Duplicate,

    /// <summary>A later event was applied already; this older one changed nothing.</summary>
    Stale,

    /// <summary>The tenant has no template with that Meta id or name and language.</summary>
    NotFound,
}
