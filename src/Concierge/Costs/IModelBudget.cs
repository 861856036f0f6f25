using Concierge.Agents;

namespace Concierge.Costs;

/// <summary>
/// The daily model budget as the turn sees it. <see cref="AllowsModelAsync"/> runs before every
/// turn and must be cheap (implementations cache a tenant's spend for a few seconds);
/// <see cref="RecordAsync"/> runs after a turn committed model calls and raises the 80% and 100%
/// crossings once each per day. Crisis replies never ask: they are not model replies.
/// </summary>
public interface IModelBudget
{
    /// <summary>False when the tenant's (or the agent's) budget is spent today and the action is offline.</summary>
    ValueTask<bool> AllowsModelAsync(Agent agent, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Reads today's spend again and raises the thresholds it crossed (an event, an alert job, the gauge).</summary>
    Task RecordAsync(Agent agent, DateTimeOffset now, CancellationToken cancellationToken);
}
