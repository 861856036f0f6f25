using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Concierge.Models;

namespace Concierge.Costs;

/// <summary>
/// <c>concierge.budget.used_ratio</c>: today's model spend over the daily budget (1 = spent), a
/// gauge by <c>tenant</c> (its id) and, for an agent's own budget, <c>agent</c> (its key). It lives
/// on the model layer's meter (<see cref="ModelTelemetry.Name"/>), so whatever exports the model
/// metrics exports it too; alert rules watch it at 0.8 and 1.
/// </summary>
public static class BudgetTelemetry
{
    public const string UsedRatio = "concierge.budget.used_ratio";

    private static readonly ConcurrentDictionary<(Guid Tenant, string? Agent), double> Ratios = new();

    private static readonly ObservableGauge<double> Gauge = ModelTelemetry.Meter.CreateObservableGauge(
        UsedRatio,
        () => Ratios.Select(r => r.Key.Agent is null
            ? new Measurement<double>(r.Value, new KeyValuePair<string, object?>("tenant", r.Key.Tenant.ToString()))
            : new Measurement<double>(r.Value, new("tenant", r.Key.Tenant.ToString()), new("agent", r.Key.Agent))),
        "1",
        "Today's model spend over the daily budget (UTC day), by tenant and, for agent budgets, agent.");

    /// <summary>Sets the ratio last read for a tenant (agent null) or one of its agents.</summary>
    public static void Set(Guid tenantId, string? agentKey, double ratio)
    {
        _ = Gauge;
        Ratios[(tenantId, agentKey)] = ratio;
    }

    /// <summary>The ratio last set, for tests and the usage API (null when none was read yet).</summary>
    public static double? Get(Guid tenantId, string? agentKey) => Ratios.TryGetValue((tenantId, agentKey), out var r) ? r : null;
}
