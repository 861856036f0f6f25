using System.Collections.Concurrent;

namespace Concierge.Agents;

/// <summary>
/// Keeps agents in memory for a short time. Every turn needs its agent, and agents change rarely,
/// so reading the row and parsing its FAQ on each turn was measurable work (docs/benchmarks.md).
/// The time to live bounds how long an edit made directly in the database takes to show.
/// </summary>
public sealed class CachedAgentCatalog(IAgentCatalog inner, TimeProvider clock, TimeSpan timeToLive) : IAgentCatalog
{
    private readonly ConcurrentDictionary<(Guid Tenant, Guid Agent), Entry> _byId = new();

    public async Task<Agent?> FindAsync(Guid tenantId, Guid agentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_byId.TryGetValue((tenantId, agentId), out var cached) && cached.ExpiresAt > now)
        {
            return cached.Agent;
        }

        var agent = await inner.FindAsync(tenantId, agentId, cancellationToken);
        if (agent is not null)
        {
            _byId[(tenantId, agentId)] = new Entry(agent, now + timeToLive);
        }

        return agent;
    }

    // Lookups by key and of the default start sessions, not turns: they go to the store each time.
    public Task<Agent?> FindByKeyAsync(Guid tenantId, string key, CancellationToken cancellationToken) =>
        inner.FindByKeyAsync(tenantId, key, cancellationToken);

    public Task<Agent> DefaultAsync(Guid tenantId, CancellationToken cancellationToken) =>
        inner.DefaultAsync(tenantId, cancellationToken);

    private sealed record Entry(Agent Agent, DateTimeOffset ExpiresAt);
}
