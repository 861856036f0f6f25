using Concierge.Tenants;

namespace Concierge.Server.Accounts;

/// <summary>What the admin API shows of a user: never the password hash.</summary>
public sealed record UserView(Guid Id, string Username, string Role, string? CustomerId, DateTimeOffset CreatedAt)
{
    public static UserView From(User user) => new(user.Id, user.Username, user.Role.ToWire(), user.CustomerId, user.CreatedAt);
}

/// <summary>What the admin API shows of a key: its hint, never its secret (except <see cref="NewKeyView"/> once).</summary>
public sealed record KeyView(Guid Id, string Name, string Role, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static KeyView From(ApiKey key) => new(key.Id, key.Name, key.Role.ToWire(), key.Hint, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}

/// <summary>A key just created: the only answer that carries its secret.</summary>
public sealed record NewKeyView(Guid Id, string Name, string Role, string Key, DateTimeOffset CreatedAt);

public sealed record UserList(IReadOnlyList<UserView> Users);

public sealed record KeyList(IReadOnlyList<KeyView> Keys);

public sealed record NewUserRequest(string? Username, string? Password, string? Role);

public sealed record NewKeyRequest(string? Name, string? Role);
