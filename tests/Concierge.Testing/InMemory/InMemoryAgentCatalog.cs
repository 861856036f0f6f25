using Concierge.Agents;

namespace Concierge.Testing.InMemory;

/// <summary>Agents held in a list; the first of a tenant is its default.</summary>
public sealed class InMemoryAgentCatalog(params Agent[] agents) : IAgentCatalog
{
    public Task<Agent?> FindAsync(Guid tenantId, Guid agentId, CancellationToken cancellationToken) =>
        Task.FromResult(agents.FirstOrDefault(a => a.TenantId == tenantId && a.Id == agentId));

    public Task<Agent?> FindByKeyAsync(Guid tenantId, string key, CancellationToken cancellationToken) =>
        Task.FromResult(agents.FirstOrDefault(a => a.TenantId == tenantId && a.Key == key));

    public Task<IReadOnlyList<Agent>> ListAsync(Guid tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Agent>>(agents.Where(a => a.TenantId == tenantId).OrderBy(a => a.Key, StringComparer.Ordinal).ToList());

    public Task<Agent?> FindByPublicKeyAsync(string publicKey, CancellationToken cancellationToken) =>
        Task.FromResult(agents.FirstOrDefault(a => a.PublicKey == publicKey));

    public Task<Agent> DefaultAsync(Guid tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(agents.FirstOrDefault(a => a.TenantId == tenantId) ?? throw new Conversations.AgentNotFoundException("default"));
}
