using System.Text.Json.Nodes;
using Concierge.Agents;

namespace Concierge.Conversations;

/// <summary>Opens sessions and finds them for reading, applying the expiry rule the same way for every route.</summary>
public sealed class SessionDirectory(ISessionStore store, IAgentCatalog agents, ConversationOptions options, TimeProvider clock)
{
    /// <summary>Starts a session with the named agent (or the tenant's default agent).</summary>
    public async Task<Session> StartAsync(Guid tenantId, string? agentKey, string channel, string? customerId, CancellationToken cancellationToken)
    {
        var agent = agentKey is null
            ? await agents.DefaultAsync(tenantId, cancellationToken)
            : await agents.FindByKeyAsync(tenantId, agentKey, cancellationToken) ?? throw new AgentNotFoundException(agentKey);

        var now = clock.GetUtcNow();
        var session = new Session
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            AgentId = agent.Id,
            Skill = agent.Skill,
            Channel = channel,
            CustomerId = customerId,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = customerId is null ? now + options.SessionTtl : null,
        };
        var started = new DomainEvent("session_started", new JsonObject { ["agent"] = agent.Key, ["channel"] = channel });
        return await store.CreateAsync(session, [started], cancellationToken);
    }

    /// <summary>
    /// The customer's continuing session with the agent (customer-keyed sessions do not expire), or
    /// a new one when the customer has none yet.
    /// </summary>
    public async Task<Session> ContinueOrStartAsync(Guid tenantId, string agentKey, string channel, string customerId, CancellationToken cancellationToken) =>
        await FindContinuingAsync(tenantId, agentKey, customerId, cancellationToken)
            ?? await StartAsync(tenantId, agentKey, channel, customerId, cancellationToken);

    /// <summary>The customer's continuing session with the agent, or null (nothing is started).</summary>
    public async Task<Session?> FindContinuingAsync(Guid tenantId, string agentKey, string customerId, CancellationToken cancellationToken)
    {
        var agent = await agents.FindByKeyAsync(tenantId, agentKey, cancellationToken) ?? throw new AgentNotFoundException(agentKey);
        return await store.FindByCustomerAsync(tenantId, agent.Id, customerId, cancellationToken);
    }

    /// <summary>The session for reading; unknown or malformed ids are not found, expired ones are gone.</summary>
    public async Task<Session> GetAsync(Guid tenantId, string? rawSessionId, CancellationToken cancellationToken)
    {
        var id = SessionIds.ParseOrNotFound(rawSessionId);
        var session = await store.FindAsync(tenantId, id, cancellationToken) ?? throw new SessionNotFoundException(id.ToString());
        return session.IsExpiredAt(clock.GetUtcNow())
            ? throw new SessionExpiredException(session.Id, session.ExpiresAt!.Value)
            : session;
    }
}

public sealed class AgentNotFoundException(string agentKey) : Exception($"Agent '{agentKey}' was not found.")
{
    public string AgentKey { get; } = agentKey;
}
