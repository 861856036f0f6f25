using Concierge.Server.WhatsApp;
using System.Text.Json.Nodes;
using Concierge.Templates;

namespace Concierge.Server.Templates;

/// <summary>A stored template as the API shows it (snake_case on the wire); the payload is Meta's create body.</summary>
public sealed record TemplateView(
    Guid Id,
    Guid? SessionId,
    string Name,
    string Language,
    string? Category,
    string Status,
    string? MetaTemplateId,
    string? RejectionReason,
    JsonObject Payload,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static TemplateView From(StoredTemplate template) => new(
        template.Id, template.SessionId, template.Name, template.Language, template.Category, template.Status.ToWire(),
        template.MetaTemplateId, template.RejectionReason, template.Payload, template.SubmittedAt, template.CreatedAt, template.UpdatedAt);
}

public sealed record TemplateList(IReadOnlyList<TemplateView> Templates);
