namespace Concierge.Costs;

/// <summary>What the usage report adds up by: the UTC day, the agent, the session, the model, the customer.</summary>
public enum UsageGroup
{
    Day,
    Agent,
    Session,
    Model,
    Customer,
}

/// <summary>One group's model calls: how many, their tokens, their cost (USD; calls of a model without a price count no cost).</summary>
public sealed record UsageRow(string? Key, long Calls, long InputTokens, long OutputTokens, decimal Cost);

/// <summary>The tenant's model usage from the usage ledger (which outlives expired sessions and erasures, without naming anyone erased).</summary>
public interface IUsageReport
{
    /// <summary>
    /// The calls started in [<paramref name="from"/>, <paramref name="to"/>) grouped by <paramref name="group"/>:
    /// by day in day order, otherwise costliest first; at most <paramref name="limit"/> rows.
    /// </summary>
    Task<IReadOnlyList<UsageRow>> QueryAsync(Guid tenantId, DateTimeOffset from, DateTimeOffset to, UsageGroup group, int limit, CancellationToken cancellationToken);

    /// <summary>The totals of the same range.</summary>
    Task<UsageRow> TotalAsync(Guid tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
