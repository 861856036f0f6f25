using System.Text.Json.Nodes;
using Concierge.Conversations;

namespace Concierge.Templates;

/// <summary>
/// A turn reached FINAL with a new creation payload: the tenant's template list gets it (saved as
/// DRAFT, ready to submit to Meta) in the same transaction as the turn, so an acknowledged FINAL
/// is never missing from the list.
/// </summary>
public sealed record TemplateFinalized(JsonObject Payload) : Effect;
