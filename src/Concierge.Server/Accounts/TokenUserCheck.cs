using Concierge.Server.Tenancy;
using Concierge.Tenants;
using Microsoft.Extensions.Caching.Memory;

namespace Concierge.Server.Accounts;

/// <summary>
/// A signed token says who its user was when it was issued; this checks that the user still is:
/// a deleted user, or one whose role or tenant changed, is refused although the token has not
/// expired. The answer is cached for <see cref="CacheFor"/> per user so that the check costs a
/// database read at most twice a minute per user; a user deleted through this instance is
/// forgotten at once, through another instance within that time.
/// </summary>
public sealed class TokenUserCheck(IAccountStore store) : IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    // Its own bounded cache: a flood of tokens for many users cannot grow memory without limit.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>Null when the token's user still holds the token's tenant and role; otherwise why not.</summary>
    public async Task<string?> ProblemAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(caller.Subject, out var userId))
        {
            return "the token names no user";
        }

        var current = await _cache.GetOrCreateAsync(Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            entry.Size = 1;
            return await store.FindUserAsync(userId, cancellationToken) is { } user ? new Holder(user.TenantId, user.Role) : Holder.Gone;
        });

        return current switch
        {
            null or { Exists: false } => "the token's user no longer exists",
            _ when current.TenantId != caller.TenantId || current.Role != caller.Role => "the token's user has another role now; sign in again",
            _ => null,
        };
    }

    public void Forget(Guid userId) => _cache.Remove(Key(userId));

    public void Dispose() => _cache.Dispose();

    private static string Key(Guid userId) => "token-user:" + userId.ToString("N");

    private sealed record Holder(Guid TenantId, Role Role, bool Exists = true)
    {
        public static readonly Holder Gone = new(Guid.Empty, Role.Customer, false);
    }
}
