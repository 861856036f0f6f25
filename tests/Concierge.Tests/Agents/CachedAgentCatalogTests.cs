using Concierge.Agents;
using Concierge.Testing;

namespace Concierge.Tests.Agents;

public class CachedAgentCatalogTests
{
    private sealed class CountingCatalog : IAgentCatalog
    {
        public int Reads { get; private set; }

        public Agent Current { get; set; } = DemoTenant.Assistant;

        public Task<Agent?> FindAsync(Guid tenantId, Guid agentId, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult<Agent?>(agentId == Current.Id && tenantId == Current.TenantId ? Current : null);
        }

        public Task<Agent?> FindByKeyAsync(Guid tenantId, string key, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult<Agent?>(key == Current.Key && tenantId == Current.TenantId ? Current : null);
        }

        public Task<IReadOnlyList<Agent>> ListAsync(Guid tenantId, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult<IReadOnlyList<Agent>>([Current]);
        }

        public Task<Agent?> FindByPublicKeyAsync(string publicKey, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult<Agent?>(publicKey == Current.PublicKey ? Current : null);
        }

        public Task<Agent> DefaultAsync(Guid tenantId, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult(Current with { TenantId = tenantId });
        }
    }

    [Fact]
    public async Task An_agent_is_read_once_within_its_time_to_live_and_again_after_it()
    {
        var inner = new CountingCatalog();
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var catalog = new CachedAgentCatalog(inner, clock, TimeSpan.FromSeconds(30));
        var id = DemoTenant.AssistantId;

        await catalog.FindAsync(DemoTenant.TenantId, id, CancellationToken.None);
        await catalog.FindAsync(DemoTenant.TenantId, id, CancellationToken.None);
        inner.Current = DemoTenant.Assistant with { Name = "renamed" };
        clock.Advance(TimeSpan.FromSeconds(31));
        var fresh = await catalog.FindAsync(DemoTenant.TenantId, id, CancellationToken.None);

        Assert.Equal(2, inner.Reads);
        Assert.Equal("renamed", fresh?.Name);
    }

    [Fact]
    public async Task Another_tenant_never_gets_a_cached_agent()
    {
        var catalog = new CachedAgentCatalog(new CountingCatalog(), new ManualClock(DateTimeOffset.UnixEpoch), TimeSpan.FromMinutes(1));
        await catalog.FindAsync(DemoTenant.TenantId, DemoTenant.AssistantId, CancellationToken.None);

        Assert.Null(await catalog.FindAsync(Guid.NewGuid(), DemoTenant.AssistantId, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_agent_is_not_cached()
    {
        var inner = new CountingCatalog();
        var catalog = new CachedAgentCatalog(inner, new ManualClock(DateTimeOffset.UnixEpoch), TimeSpan.FromMinutes(1));

        var missing = Guid.NewGuid();
        await catalog.FindAsync(DemoTenant.TenantId, missing, CancellationToken.None);
        await catalog.FindAsync(DemoTenant.TenantId, missing, CancellationToken.None);

        Assert.Equal(2, inner.Reads);
    }

    [Fact]
    public async Task The_default_agent_and_agents_by_key_are_cached_per_tenant_too()
    {
        var inner = new CountingCatalog();
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var catalog = new CachedAgentCatalog(inner, clock, TimeSpan.FromSeconds(30));
        var otherTenant = Guid.NewGuid();

        await catalog.DefaultAsync(DemoTenant.TenantId, CancellationToken.None);
        await catalog.DefaultAsync(DemoTenant.TenantId, CancellationToken.None);
        await catalog.FindByKeyAsync(DemoTenant.TenantId, DemoTenant.Assistant.Key, CancellationToken.None);
        await catalog.FindByKeyAsync(DemoTenant.TenantId, DemoTenant.Assistant.Key, CancellationToken.None);
        Assert.Equal(2, inner.Reads);

        var other = await catalog.DefaultAsync(otherTenant, CancellationToken.None);
        Assert.Equal(otherTenant, other.TenantId);
        Assert.Null(await catalog.FindByKeyAsync(otherTenant, DemoTenant.Assistant.Key, CancellationToken.None));
        Assert.Equal(4, inner.Reads);

        clock.Advance(TimeSpan.FromSeconds(31));
        await catalog.DefaultAsync(DemoTenant.TenantId, CancellationToken.None);
        Assert.Equal(5, inner.Reads);
    }
}
