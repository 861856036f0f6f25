using System.Collections.Concurrent;

namespace Concierge.Agents;

/// <summary>
/// Keeps agents in memory for a short time. Every turn needs its agent and every new session its
/// tenant's default (or named) agent; agents change rarely, so reading the row and parsing its
/// FAQ each time was measurable work (docs/benchmarks.md). The time to live bounds how long an
/// edit made directly in the database takes to show. Lookups that find nothing are not kept, so
/// a newly added agent is found at once.
/// </summary>
public sealed class CachedAgentCatalog(IAgentCatalog inner, TimeProvider clock, TimeSpan timeToLive) : IAgentCatalog
{
    private readonly ConcurrentDictionary<(Guid Tenant, string Lookup), Entry> _entries = new();

    public Task<Agent?> FindAsync(Guid tenantId, Guid agentId, CancellationToken cancellationToken) =>
        GetAsync(tenantId, "id:" + agentId.ToString("N"), () => inner.FindAsync(tenantId, agentId, cancellationToken));

    public Task<Agent?> FindByKeyAsync(Guid tenantId, string key, CancellationToken cancellationToken) =>
        GetAsync(tenantId, "key:" + key, () => inner.FindByKeyAsync(tenantId, key, cancellationToken));

    public async Task<Agent> DefaultAsync(Guid tenantId, CancellationToken cancellationToken) =>
        (await GetAsync(tenantId, "default", async () => await inner.DefaultAsync(tenantId, cancellationToken)))!;

    private async Task<Agent?> GetAsync(Guid tenantId, string lookup, Func<Task<Agent?>> load)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue((tenantId, lookup), out var cached) && cached.ExpiresAt > now)
        {
            return cached.Agent;
        }

        var agent = await load();
        if (agent is not null)
        {
            _entries[(tenantId, lookup)] = new Entry(agent, now + timeToLive);
        }

        return agent;
    }

    private sealed record Entry(Agent Agent, DateTimeOffset ExpiresAt);
}
