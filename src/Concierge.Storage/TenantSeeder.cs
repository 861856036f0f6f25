using System.Text.Json;
using Concierge.Agents;
using Concierge.Bookings.Store;
using Concierge.Storage.Bookings;
using Dapper;

namespace Concierge.Storage;

/// <summary>
/// Puts tenants and agents in place if they are missing. Rows that exist are left as they are
/// (ON CONFLICT DO NOTHING): a restart or a second instance changes nothing, and an operator's
/// edit of the demo agent survives upgrades.
/// </summary>
public sealed class TenantSeeder(Database database, TimeProvider clock)
{
    /// <summary>The embedded default's demo tenant and agents (<see cref="DemoTenant"/>).</summary>
    public async Task SeedDemoAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(DemoTenant.TenantId, DemoTenant.TenantSlug, DemoTenant.TenantName, DemoTenant.Agents, cancellationToken);
        await EnsureDemoBookingsAsync(cancellationToken);
        await Shops.DemoShopSeeder.EnsureAsync(database, clock, this, cancellationToken);
    }

    /// <summary>The demo tenant's booking policy and its "Hibachi at home" service, unless an operator already set them.</summary>
    private async Task EnsureDemoBookingsAsync(CancellationToken cancellationToken)
    {
        var store = new SqlBookingStore(database, clock);
        if ((await store.ListServicesAsync(DemoTenant.TenantId, cancellationToken)).Count > 0)
        {
            return;
        }

        await database.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO booking_policies (tenant_id, time_zone, slot_minutes, lead_minutes, horizon_days, updated_at) "
                + "VALUES (@tenantId, @zone, @slot, @lead, @horizon, @now) ON CONFLICT DO NOTHING",
                new
                {
                    tenantId = database.Id(DemoTenant.TenantId),
                    zone = DemoBookings.Policy.TimeZoneId,
                    slot = (int)DemoBookings.Policy.SlotLength.TotalMinutes,
                    lead = (int)DemoBookings.Policy.LeadTime.TotalMinutes,
                    horizon = (int)DemoBookings.Policy.Horizon.TotalDays,
                    now = database.Time(clock.GetUtcNow()),
                },
                cancellationToken: cancellationToken)),
            cancellationToken);
        await store.AddServiceAsync(DemoBookings.Hibachi, cancellationToken);
    }

    /// <summary>A tenant whose slug is derived from its id (for tests and seeds that do not care about it).</summary>
    public Task EnsureAsync(Guid tenantId, string tenantName, IReadOnlyList<Agent> agents, CancellationToken cancellationToken) =>
        EnsureAsync(tenantId, "tenant-" + tenantId.ToString("N"), tenantName, agents, cancellationToken);

    public Task EnsureAsync(Guid tenantId, string slug, string tenantName, IReadOnlyList<Agent> agents, CancellationToken cancellationToken)
    {
        if (agents.Any(a => a.TenantId != tenantId))
        {
            throw new ArgumentException("Every agent must belong to the tenant being seeded.", nameof(agents));
        }

        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO tenants (id, slug, name, created_at) VALUES (@id, @slug, @name, @now) ON CONFLICT DO NOTHING",
                    new { id = database.Id(tenantId), slug, name = tenantName, now = database.Time(clock.GetUtcNow()) },
                    transaction,
                    cancellationToken: cancellationToken));
                await InsertAgentsAsync(connection, transaction, agents, cancellationToken);
            },
            cancellationToken);
    }

    /// <summary>Inserts agents (skipping any that exist) inside the caller's transaction.</summary>
    internal async Task InsertAgentsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, IReadOnlyList<Agent> agents, CancellationToken cancellationToken, bool firstIsDefault = true)
    {
        var now = database.Time(clock.GetUtcNow());
        for (var i = 0; i < agents.Count; i++)
        {
            var agent = agents[i];
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO agents (id, tenant_id, key, name, instructions, skill, model, temperature, locale, faq, settings, is_default, created_at, updated_at) "
                + $"VALUES (@id, @tenantId, @key, @name, @instructions, @skill, @model, @temperature, @locale, {database.Json("faq")}, {database.Json("settings")}, @isDefault, @now, @now) "
                + "ON CONFLICT DO NOTHING",
                new
                {
                    id = database.Id(agent.Id),
                    tenantId = database.Id(agent.TenantId),
                    key = agent.Key,
                    name = agent.Name,
                    instructions = agent.Instructions,
                    skill = agent.Skill,
                    model = agent.Model,
                    temperature = agent.Temperature,
                    locale = agent.Locale,
                    faq = JsonSerializer.Serialize(agent.Faq.ToList(), AgentJson.Default.ListFaqEntry),
                    settings = JsonSerializer.Serialize(new AgentSettings { PublicKey = agent.PublicKey, ExposeDebug = agent.ExposeDebug, ServiceKeys = agent.ServiceKeys.Count > 0 ? [.. agent.ServiceKeys] : null, CrisisDetection = agent.CrisisDetection ? null : false }, AgentJson.Default.AgentSettings),
                    isDefault = firstIsDefault && i == 0,
                    now,
                },
                transaction,
                cancellationToken: cancellationToken));
        }
    }
}
