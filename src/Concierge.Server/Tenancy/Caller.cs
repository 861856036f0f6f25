using System.Globalization;
using System.Security.Claims;
using Concierge.Tenants;

namespace Concierge.Server.Tenancy;

/// <summary>
/// Who is calling, as the edge established it from a token or API key: their tenant, role and,
/// for a customer, the customer id their sessions carry.
/// </summary>
public sealed record Caller(Guid TenantId, Role Role, string Subject, string? CustomerId, Guid? KeyId)
{
    public const string TenantClaim = "tenant_id";
    public const string RoleClaim = "role";
    public const string SubjectClaim = "sub";
    public const string CustomerClaim = "customer_id";
    public const string KeyClaim = "key_id";

    public bool IsAtLeast(Role role) => Role.Covers(role);

    /// <summary>The caller a principal stands for, or null when it lacks a tenant or a known role (such a token is refused).</summary>
    public static Caller? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirst(TenantClaim)?.Value, CultureInfo.InvariantCulture, out var tenant)
            || !Roles.TryParse(principal.FindFirst(RoleClaim)?.Value, out var role)
            || principal.FindFirst(SubjectClaim)?.Value is not { Length: > 0 } subject)
        {
            return null;
        }

        Guid? keyId = Guid.TryParse(principal.FindFirst(KeyClaim)?.Value, CultureInfo.InvariantCulture, out var k) ? k : null;
        var customer = role == Role.Customer ? principal.FindFirst(CustomerClaim)?.Value ?? subject : null;
        return new Caller(tenant, role, subject, customer, keyId);
    }
}
