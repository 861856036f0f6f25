namespace Concierge.Agents;

/// <summary>Changes an agent's settings; always within one tenant.</summary>
public interface IAgentEditor
{
    /// <summary>The agent after the change, or null when the tenant has no agent with this key.</summary>
    Task<Agent?> UpdateAsync(Guid tenantId, string key, AgentChange change, CancellationToken cancellationToken);
}
