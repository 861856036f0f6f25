using Concierge.Conversations;
using Concierge.Templates;

namespace Concierge.Server.Templates;

/// <summary>
/// Puts every new FINAL template of a conversation into the tenant's template list, where it can be
/// submitted to Meta. Only a changed payload is saved: a turn that stays FINAL (a "thanks") must not
/// reset a template Meta has already approved back to DRAFT.
/// </summary>
public sealed class FinalTemplateRecorder(ITemplateStore templates) : ITurnListener
{
    public async Task OnCommittedAsync(TurnResult turn, CancellationToken cancellationToken)
    {
        if (turn.FinalPayloadChanged && turn.Session.FinalPayload is { } payload)
        {
            await templates.SaveFinalAsync(turn.Session.TenantId, turn.Session.Id, (System.Text.Json.Nodes.JsonObject)payload.DeepClone(), cancellationToken);
        }
    }
}
