using Concierge.Tenants;
using Microsoft.AspNetCore.Identity;

namespace Concierge.Server.Accounts;

/// <summary>
/// Creating tenants, users and keys (for the commands and the admin API, which apply the same
/// rules), and checking a sign-in. Passwords are hashed with the framework's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2); they are never stored or logged in clear.
/// </summary>
public sealed class AccountService(IAccountStore store, LoginThrottle throttle)
{
    private static readonly PasswordHasher<User> Hasher = new();

    // Checked against when the username is unknown, so that a miss costs what a wrong password costs.
    private static readonly User DummyUser = new(Guid.Empty, Guid.Empty, "nobody@invalid", string.Empty, Role.Customer, DateTimeOffset.UnixEpoch);
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(DummyUser, Guid.NewGuid().ToString("N")));

    public IAccountStore Store => store;

    public Task<Tenant> AddTenantAsync(string? slug, string? name, CancellationToken cancellationToken)
    {
        var checkedSlug = AccountFields.Slug(slug);
        return store.AddTenantAsync(checkedSlug, name is null ? checkedSlug : AccountFields.Name(name), cancellationToken);
    }

    public Task<User> AddUserAsync(Guid tenantId, string? username, string? password, string? role, CancellationToken cancellationToken)
    {
        var name = AccountFields.Username(username);
        var checkedPassword = AccountFields.Password(password);
        var checkedRole = AccountFields.Role(role);
        return store.AddUserAsync(tenantId, name, Hasher.HashPassword(DummyUser, checkedPassword), checkedRole, cancellationToken);
    }

    /// <summary>A new key and its secret, which is shown this once and never again.</summary>
    public async Task<(ApiKey Key, string Secret)> AddKeyAsync(Guid tenantId, string? name, string? role, CancellationToken cancellationToken)
    {
        var label = AccountFields.Name(name);
        var checkedRole = AccountFields.Role(role, allowCustomer: false);
        var secret = ApiKeySecret.Generate();
        var key = await store.AddKeyAsync(tenantId, label, checkedRole, ApiKeySecret.Hash(secret), ApiKeySecret.Hint(secret), cancellationToken);
        return (key, secret);
    }

    /// <summary>
    /// The user when the password is right; null otherwise, after the same work either way (an unknown
    /// user is checked against a dummy hash). <paramref name="lockedFor"/> is set while the username is locked.
    /// </summary>
    public async Task<(User? User, TimeSpan? LockedFor)> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        if (throttle.LockedFor(username) is { } locked)
        {
            return (null, locked);
        }

        var user = await store.FindUserByUsernameAsync(username, cancellationToken);
        var result = Hasher.VerifyHashedPassword(user ?? DummyUser, user?.PasswordHash ?? DummyHash.Value, password);
        if (user is null || result == PasswordVerificationResult.Failed)
        {
            throttle.Failed(username);
            return (null, null);
        }

        throttle.Succeeded(username);
        return (user, null);
    }
}
