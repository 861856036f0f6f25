namespace Concierge.Agents;

/// <summary>Looks agents up, always within one tenant.</summary>
public interface IAgentCatalog
{
    Task<Agent?> FindAsync(Guid tenantId, Guid agentId, CancellationToken cancellationToken);

    Task<Agent?> FindByKeyAsync(Guid tenantId, string key, CancellationToken cancellationToken);

    /// <summary>Every agent of the tenant, by key.</summary>
    Task<IReadOnlyList<Agent>> ListAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>The agent with this public key, in whichever tenant it is: how an anonymous call finds its tenant.</summary>
    Task<Agent?> FindByPublicKeyAsync(string publicKey, CancellationToken cancellationToken);

    /// <summary>The agent new sessions get when the caller names none.</summary>
    Task<Agent> DefaultAsync(Guid tenantId, CancellationToken cancellationToken);
}
