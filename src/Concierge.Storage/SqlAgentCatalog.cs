using System.Text.Json;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Conversations;
using Dapper;

namespace Concierge.Storage;

/// <summary><see cref="IAgentCatalog"/> over the agents table; every lookup is within one tenant.</summary>
public sealed class SqlAgentCatalog(Database database) : IAgentCatalog
{
    private const string Columns = "id, tenant_id, key, name, instructions, skill, model, temperature, locale, faq, settings";

    public Task<Agent?> FindAsync(Guid tenantId, Guid agentId, CancellationToken cancellationToken) =>
        FindOneAsync(
            $"SELECT {Columns} FROM agents WHERE tenant_id = @tenantId AND id = @agentId",
            new { tenantId = database.Id(tenantId), agentId = database.Id(agentId) },
            cancellationToken);

    public Task<Agent?> FindByKeyAsync(Guid tenantId, string key, CancellationToken cancellationToken) =>
        FindOneAsync(
            $"SELECT {Columns} FROM agents WHERE tenant_id = @tenantId AND key = @key",
            new { tenantId = database.Id(tenantId), key },
            cancellationToken);

    public async Task<IReadOnlyList<Agent>> ListAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {Columns} FROM agents WHERE tenant_id = @tenantId ORDER BY key",
            new { tenantId = database.Id(tenantId) },
            cancellationToken: cancellationToken));
        return rows.Select(Read).ToList();
    }

    public Task<Agent?> FindByPublicKeyAsync(string publicKey, CancellationToken cancellationToken) =>
        FindOneAsync(
            $"SELECT {Columns} FROM agents WHERE {PublicKeyColumn(database)} = @publicKey",
            new { publicKey },
            cancellationToken);

    /// <summary>The settings' public key as text; the expression its unique index (0005) is built on.</summary>
    internal static string PublicKeyColumn(Database database) =>
        database.Provider == DatabaseProvider.Sqlite ? "json_extract(settings, '$.public_key')" : "(settings ->> 'public_key')";

    /// <summary>The agent marked default, else the tenant's oldest agent.</summary>
    public async Task<Agent> DefaultAsync(Guid tenantId, CancellationToken cancellationToken) =>
        await FindOneAsync(
            $"SELECT {Columns} FROM agents WHERE tenant_id = @tenantId ORDER BY is_default DESC, created_at, key LIMIT 1",
            new { tenantId = database.Id(tenantId) },
            cancellationToken)
        ?? throw new AgentNotFoundException("default");

    private async Task<Agent?> FindOneAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return row is { } r ? Read(r) : null;
    }

    private static Agent Read(Row r)
    {
        var settings = JsonSerializer.Deserialize(r.StringOrNull("settings") ?? "{}", AgentJson.Default.AgentSettings) ?? new AgentSettings();
        return new Agent
        {
            Id = r.Guid("id"),
            TenantId = r.Guid("tenant_id"),
            Key = r.String("key"),
            Name = r.String("name"),
            Instructions = r.String("instructions"),
            Skill = r.String("skill"),
            Model = r.StringOrNull("model"),
            Temperature = r.Double("temperature"),
            Locale = r.String("locale"),
            Faq = JsonSerializer.Deserialize(r.StringOrNull("faq") ?? "[]", AgentJson.Default.ListFaqEntry) ?? [],
            PublicKey = settings.PublicKey,
            ExposeDebug = settings.ExposeDebug,
            DoubleTexting = string.Equals(settings.DoubleTexting, "reject", StringComparison.OrdinalIgnoreCase) ? DoubleTexting.Reject : DoubleTexting.Enqueue,
            DetectEmotions = r.ObjectOrNull("settings")?["detect_emotions"] is JsonValue detect && detect.TryGetValue<bool>(out var on)
                ? on
                : r.String("skill") == "bookings",
            DailyBudgetUsd = r.ObjectOrNull("settings")?["daily_budget_usd"] is JsonValue budget && budget.TryGetValue<decimal>(out var usd) && usd > 0 ? usd : null,
            CrisisDetection = settings.CrisisDetection ?? true,
            ServiceKeys = settings.ServiceKeys ?? [],
        };
    }
}
