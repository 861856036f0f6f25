using Concierge.Storage.Effects;
using Concierge.Templates;

namespace Concierge.Storage.Templates;

/// <summary>Puts a FINAL template into the tenant's list within the turn that reached FINAL.</summary>
public sealed class TemplateFinalizedWriter(SqlTemplateStore templates) : EffectWriter<TemplateFinalized>
{
    protected override Task WriteAsync(EffectWriteContext context, TemplateFinalized effect) =>
        templates.SaveFinalAsync(
            context.Connection, context.Transaction, context.Session.TenantId, context.Session.Id, effect.Payload,
            context.Session.UpdatedAt, context.CancellationToken);
}
