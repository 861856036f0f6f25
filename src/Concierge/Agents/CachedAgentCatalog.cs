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
    private readonly ConcurrentDictionary<Lookup, Entry> _entries = new();

    public Task<Agent?> FindAsync(Guid tenantId, Guid agentId, CancellationToken cancellationToken) =>
        GetAsync(new Lookup(tenantId, agentId, null), () => inner.FindAsync(tenantId, agentId, cancellationToken));

    public Task<Agent?> FindByKeyAsync(Guid tenantId, string key, CancellationToken cancellationToken) =>
        GetAsync(new Lookup(tenantId, null, key), () => inner.FindByKeyAsync(tenantId, key, cancellationToken));

    /// <summary>Not cached: listing is rare (an operator's page, /v1/models), and must show a new agent at once.</summary>
    public Task<IReadOnlyList<Agent>> ListAsync(Guid tenantId, CancellationToken cancellationToken) => inner.ListAsync(tenantId, cancellationToken);

    public Task<Agent?> FindByPublicKeyAsync(string publicKey, CancellationToken cancellationToken) =>
        GetAsync(new Lookup(Guid.Empty, null, "public:" + publicKey), () => inner.FindByPublicKeyAsync(publicKey, cancellationToken));

    public async Task<Agent> DefaultAsync(Guid tenantId, CancellationToken cancellationToken) =>
        (await GetAsync(new Lookup(tenantId, null, null), async () => await inner.DefaultAsync(tenantId, cancellationToken)))!;

    /// <summary>
    /// Drops every kept agent, after an edit through this process: its next turn sees the change at
    /// once. Other instances see it when their entries expire (the time to live).
    /// </summary>
    public void Forget() => _entries.Clear();

    private async Task<Agent?> GetAsync(Lookup lookup, Func<Task<Agent?>> load)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(lookup, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Agent;
        }

        var agent = await load();
        if (agent is not null)
        {
            _entries[lookup] = new Entry(agent, now + timeToLive);
        }

        return agent;
    }

    /// <summary>One way of asking for an agent: by id, by key, or neither (the tenant's default).</summary>
    private readonly record struct Lookup(Guid Tenant, Guid? Id, string? Key);

    private sealed record Entry(Agent Agent, DateTimeOffset ExpiresAt);
}
