namespace Concierge.Tenants;

/// <summary>
/// A person who signs in with a username (unique across the deployment) and a password, kept only
/// as a hash. A customer's customer id is their user id, so their sessions are found by it.
/// </summary>
public sealed record User(Guid Id, Guid TenantId, string Username, string PasswordHash, Role Role, DateTimeOffset CreatedAt)
{
    public string? CustomerId => Role == Role.Customer ? Id.ToString() : null;
}
