namespace Concierge.Tenants;

/// <summary>Tenants, users and API keys. Users and keys are always read within one tenant, except by the sign-in paths.</summary>
public interface IAccountStore
{
    /// <summary>Creates a tenant with copies of the stock agents; throws <see cref="AccountConflictException"/> for a taken slug.</summary>
    Task<Tenant> AddTenantAsync(string slug, string name, CancellationToken cancellationToken);

    Task<Tenant?> FindTenantAsync(string slug, CancellationToken cancellationToken);

    Task<IReadOnlyList<Tenant>> ListTenantsAsync(CancellationToken cancellationToken);

    /// <summary>Throws <see cref="AccountConflictException"/> when the username is taken (in any tenant).</summary>
    Task<User> AddUserAsync(Guid tenantId, string username, string passwordHash, Role role, CancellationToken cancellationToken);

    /// <summary>The user with this username in any tenant: sign-in does not know the tenant yet.</summary>
    Task<User?> FindUserByUsernameAsync(string username, CancellationToken cancellationToken);

    Task<IReadOnlyList<User>> ListUsersAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>The user with this id (any tenant: the token check compares the tenant itself).</summary>
    Task<User?> FindUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Deletes a user of the tenant (null: any tenant, for the operator command); the deleted user, or null when there is none.</summary>
    Task<User?> DeleteUserAsync(Guid? tenantId, Guid userId, CancellationToken cancellationToken);

    Task<ApiKey> AddKeyAsync(Guid tenantId, string name, Role role, string secretHash, string hint, CancellationToken cancellationToken);

    /// <summary>The key whose secret hashes to <paramref name="secretHash"/>, revoked or not.</summary>
    Task<ApiKey?> FindKeyByHashAsync(string secretHash, CancellationToken cancellationToken);

    Task<ApiKey?> FindKeyAsync(Guid keyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListKeysAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>Revokes a key of the tenant (null: any tenant, for the operator command); null when there is none.</summary>
    Task<ApiKey?> RevokeKeyAsync(Guid? tenantId, Guid keyId, CancellationToken cancellationToken);

    /// <summary>Records a use; writes at most once a minute per key so the hot path stays read-only.</summary>
    Task TouchKeyAsync(Guid keyId, DateTimeOffset now, CancellationToken cancellationToken);
}
