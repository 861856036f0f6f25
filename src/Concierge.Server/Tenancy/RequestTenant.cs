using Concierge.Agents;

namespace Concierge.Server.Tenancy;

/// <summary>
/// The tenant a request acts for. Every query takes its id from here, so that authentication can
/// later set it from a token or API key without touching a query. Until then it is the demo tenant.
/// </summary>
public sealed class RequestTenant
{
    public Guid Id { get; set; } = DemoTenant.TenantId;
}
