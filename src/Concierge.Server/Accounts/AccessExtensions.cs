using Concierge.Server.Tenancy;
using Concierge.Tenants;

namespace Concierge.Server.Accounts;

/// <summary>
/// How a route (or a whole <c>MapGroup</c>) says who may call it. One call each:
/// <c>.RequireRole(Role.Operator)</c> (a token or key of that role or higher; admin &gt; operator &gt; customer),
/// <c>.AllowPublicAgent()</c> (anonymous callers reach a tenant's public agent), or
/// <c>.AllowAnonymous()</c> (the framework's own; health, login, signed webhooks).
/// A route with none of these still cannot read <see cref="RequestTenant.Id"/> without a caller.
/// </summary>
public static class AccessExtensions
{
    public const string AdminPolicy = Roles.Admin;
    public const string OperatorPolicy = Roles.Operator;
    public const string CustomerPolicy = Roles.Customer;

    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, Role role)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessMetadata(role)).RequireAuthorization(role.ToWire());

    public static TBuilder AllowPublicAgent<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(PublicAgentMetadata.Instance).AllowAnonymous();
}
