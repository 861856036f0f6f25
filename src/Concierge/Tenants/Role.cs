namespace Concierge.Tenants;

/// <summary>
/// What a user or key may do within its tenant. Ordered: each role may do everything the roles
/// below it may, so a route names the least role it needs.
/// </summary>
public enum Role
{
    /// <summary>Only their own conversations (sessions whose customer id is theirs).</summary>
    Customer = 0,

    /// <summary>Sessions, transcripts, debug, templates, bookings, knowledge, analytics, jobs.</summary>
    Operator = 1,

    /// <summary>Everything of the tenant, including its users and keys.</summary>
    Admin = 2,
}
