namespace Concierge.Tenants;

/// <summary>
/// A key a program calls the API with. Only the SHA-256 hash of its secret is stored; the secret
/// itself is shown once, when the key is created. <see cref="Hint"/> is the secret's start, to
/// tell keys apart in a list without revealing them.
/// </summary>
public sealed record ApiKey(
    Guid Id, Guid TenantId, string Name, Role Role, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
