using System.Text.Json.Nodes;
using Concierge.Jobs;

namespace Concierge.Alerts;

/// <summary>
/// Something an operator must hear about now (a crisis detected, a budget crossed, a delivery that
/// failed for good). Alerts leave through one hook: a durable <see cref="JobKinds.AlertSend"/> job
/// that posts them to the configured webhook, so that a crash or an unreachable receiver never
/// loses one, and every feature raises them the same way.
/// </summary>
/// <param name="Kind">What happened, "area.event" ("crisis.detected", "budget.exceeded").</param>
/// <param name="Severity">"info", "warning" or "critical".</param>
/// <param name="Summary">One line an operator reads on a phone; never a customer's message text.</param>
/// <param name="TenantId">The tenant it concerns.</param>
/// <param name="SessionId">The conversation it concerns, if any.</param>
/// <param name="Details">Small structured facts (ids, figures); never secrets or message texts.</param>
public sealed record Alert(
    string Kind,
    string Severity,
    string Summary,
    Guid TenantId,
    Guid? SessionId = null,
    JsonObject? Details = null)
{
    /// <summary>The job that delivers this alert; a dedup key makes a repeated alert a no-op.</summary>
    public JobRequest ToJob(string? dedupKey = null) => new(
        JobKinds.AlertSend,
        new JsonObject
        {
            ["kind"] = Kind,
            ["severity"] = Severity,
            ["summary"] = Summary,
            ["tenant_id"] = TenantId.ToString(),
            ["session_id"] = SessionId?.ToString(),
            ["details"] = Details?.DeepClone(),
        },
        DedupKey: dedupKey,
        SessionId: SessionId);
}
