using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Alerts;
using Concierge.Costs;
using Concierge.Storage.Jobs;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Concierge.Storage.Costs;

/// <summary>
/// <see cref="IModelBudget"/> over the usage ledger (<c>model_usage</c>). A tenant's spend today is
/// one indexed sum, read at most every <see cref="BudgetOptions.CacheFor"/> for the per-turn check
/// (and never under BUDGET_ACTION=alert, where the check cannot change anything). A crossing is a
/// <c>budget_crossings</c> row (its key: tenant, scope, day, threshold) written with its
/// <c>budget_threshold_crossed</c> event and its alert job in one transaction, so it fires once a
/// day across every process; a crash before that write is made good by the next turn's check.
/// </summary>
public sealed class SqlModelBudget(Database database, BudgetOptions options, ILogger<SqlModelBudget> logger) : IModelBudget
{
    public const string CrossedEvent = "budget_threshold_crossed";
    public const string TenantScope = "tenant";

    private readonly ConcurrentDictionary<Guid, Spend> _spend = new();
    private readonly ConcurrentDictionary<(Guid Tenant, string Scope, string Day, int Threshold), bool> _raised = new();

    public async ValueTask<bool> AllowsModelAsync(Agent agent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (options.Action != BudgetAction.Offline || (options.DailyUsd is null && agent.DailyBudgetUsd is null))
        {
            return true;
        }

        var day = UsageDay.Of(now);
        var spend = _spend.TryGetValue(agent.TenantId, out var cached) && cached.Day == day && now - cached.ReadAt < options.CacheFor
            ? cached
            : await ReadAsync(agent.TenantId, day, now, cancellationToken);
        return !(options.DailyUsd is { } tenantBudget && spend.Total >= tenantBudget)
            && !(agent.DailyBudgetUsd is { } agentBudget && spend.Of(agent.Id) >= agentBudget);
    }

    public async Task RecordAsync(Agent agent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (options.DailyUsd is null && agent.DailyBudgetUsd is null)
        {
            return;
        }

        var day = UsageDay.Of(now);
        var spend = await ReadAsync(agent.TenantId, day, now, cancellationToken);
        if (options.DailyUsd is { } tenantBudget)
        {
            BudgetTelemetry.Set(agent.TenantId, null, (double)(spend.Total / tenantBudget));
            await RaiseAsync(agent, TenantScope, day, spend.Total, tenantBudget, now, cancellationToken);
        }

        if (agent.DailyBudgetUsd is { } agentBudget)
        {
            var agentSpent = spend.Of(agent.Id);
            BudgetTelemetry.Set(agent.TenantId, agent.Key, (double)(agentSpent / agentBudget));
            await RaiseAsync(agent, "agent:" + agent.Key, day, agentSpent, agentBudget, now, cancellationToken);
        }
    }

    /// <summary>Today's spend of the tenant and each of its agents, read now and cached.</summary>
    private async Task<Spend> ReadAsync(Guid tenantId, string day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            "SELECT agent_id, SUM(cost) AS spent FROM model_usage WHERE tenant_id = @tenantId AND day = @day GROUP BY agent_id",
            new { tenantId = database.Id(tenantId), day },
            cancellationToken: cancellationToken));
        var byAgent = new Dictionary<Guid, decimal>();
        var total = 0m;
        foreach (var row in rows)
        {
            var spent = row.DecimalOrNull("spent") ?? 0m;
            total += spent;
            if (row.GuidOrNull("agent_id") is { } agentId)
            {
                byAgent[agentId] = spent;
            }
        }

        var spend = new Spend(day, now, total, byAgent);
        _spend[tenantId] = spend;
        return spend;
    }

    private async Task RaiseAsync(Agent agent, string scope, string day, decimal spent, decimal budget, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var threshold in BudgetOptions.Thresholds)
        {
            var key = (agent.TenantId, scope, day, threshold);
            if (spent < budget * threshold / 100m || _raised.ContainsKey(key))
            {
                continue;
            }

            var first = await database.WriteAsync((c, t) => WriteCrossingAsync(c, t, agent, scope, day, threshold, spent, budget, now, cancellationToken), cancellationToken);
            _raised[key] = true;
            if (first)
            {
                logger.LogWarning(
                    "Tenant {TenantId} crossed {Threshold}% of its daily model budget ({Scope}): {Spent} of {Budget} USD on {Day}",
                    agent.TenantId, threshold, scope, spent, budget, day);
            }
        }
    }

    private async Task<bool> WriteCrossingAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, Agent agent, string scope, string day, int threshold,
        decimal spent, decimal budget, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO budget_crossings (tenant_id, scope, day, threshold, spent, budget, crossed_at) "
            + "VALUES (@tenantId, @scope, @day, @threshold, @spent, @budget, @now) ON CONFLICT DO NOTHING",
            new { tenantId = database.Id(agent.TenantId), scope, day, threshold, spent, budget, now = database.Time(now) },
            transaction,
            cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            return false;
        }

        var offline = threshold >= 100 && options.Action == BudgetAction.Offline;
        var facts = new JsonObject
        {
            ["scope"] = scope,
            ["agent"] = scope == TenantScope ? null : agent.Key,
            ["day"] = day,
            ["threshold"] = threshold,
            ["spent_usd"] = spent,
            ["budget_usd"] = budget,
            ["action"] = threshold >= 100 ? (offline ? "offline" : "alert") : "none",
        };
        var who = scope == TenantScope ? "The tenant" : $"Agent '{agent.Key}'";
        var then = offline ? "; turns answer offline until 00:00 UTC." : ".";
        var summary = string.Create(CultureInfo.InvariantCulture, $"{who} has spent {spent:0.####} of its {budget:0.##} USD daily model budget ({threshold}%) on {day}{then}");
        var alert = new Alert(threshold >= 100 ? "budget.exceeded" : "budget.warning", threshold >= 100 ? "critical" : "warning", summary, agent.TenantId, null, facts);
        var batch = new SqlBatch(database).Insert(
            "events",
            ["id", "tenant_id", "session_id", "name", "data", "created_at"],
            new[] { new object?[] { database.Id(Guid.CreateVersion7(now)), database.Id(agent.TenantId), null, CrossedEvent, facts.ToJsonString(), database.Time(now) } },
            "data");
        await JobRows.Append(batch, database, agent.TenantId, [alert.ToJob($"budget:{scope}:{day}:{threshold}")], now).ExecuteAsync(connection, transaction, cancellationToken);
        return true;
    }

    private sealed record Spend(string Day, DateTimeOffset ReadAt, decimal Total, IReadOnlyDictionary<Guid, decimal> ByAgent)
    {
        public decimal Of(Guid agentId) => ByAgent.TryGetValue(agentId, out var spent) ? spent : 0m;
    }
}
