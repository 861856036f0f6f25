using Concierge.Agents;

namespace Concierge.Server.Tenancy;

/// <summary>
/// The tenant a request acts for; every query takes its id from here. The edge
/// (<see cref="TenantEdgeMiddleware"/>) fills it from the caller's token or API key, or, on a
/// public route, from the public agent the call names. Reading <see cref="Id"/> when the edge
/// found no tenant throws <see cref="TenantUnresolvedException"/> (401): a route that forgot to
/// require a caller fails closed instead of falling back to some tenant.
/// </summary>
public sealed class RequestTenant
{
    private Guid? _id;

    public Guid Id
    {
        get => _id ?? throw new TenantUnresolvedException();
        set => _id = value;
    }

    public bool IsResolved => _id is not null;

    /// <summary>The signed-in caller; null for an anonymous call to a public agent.</summary>
    public Caller? Caller { get; set; }

    /// <summary>The public agent an anonymous call reaches (by X-Agent-Key, ?agent_key= or the deployment's default).</summary>
    public Agent? PublicAgent { get; set; }

    /// <summary>True for an operator or admin of the tenant (who may read any of its sessions' debug views).</summary>
    public bool IsStaff => Caller?.IsAtLeast(Concierge.Tenants.Role.Operator) == true;

    /// <summary>The customer id a customer caller's sessions must carry; null for staff and anonymous callers.</summary>
    public string? CustomerScope => Caller is { Role: Concierge.Tenants.Role.Customer } c ? c.CustomerId : null;
}
