using System.Data.Common;
using System.Security.Cryptography;
using Concierge.Agents;
using Concierge.Tenants;
using Dapper;

namespace Concierge.Storage.Accounts;

/// <summary><see cref="IAccountStore"/> over the tenants, users and api_keys tables (0005_accounts).</summary>
public sealed class SqlAccountStore(Database database, TenantSeeder seeder, TimeProvider clock) : IAccountStore
{
    private const string UserColumns = "id, tenant_id, username, password_hash, role, created_at";
    private const string KeyColumns = "id, tenant_id, name, role, hint, created_at, last_used_at, revoked_at";

    public async Task<Tenant> AddTenantAsync(string slug, string name, CancellationToken cancellationToken)
    {
        var tenant = new Tenant(Guid.CreateVersion7(), slug, name, clock.GetUtcNow());
        var agents = DemoTenant.StockAgentsFor(tenant.Id, NewPublicKey);
        await WriteUniqueAsync(
            "slug",
            $"A tenant with the slug '{slug}' already exists.",
            async (connection, transaction) =>
            {
                if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM tenants WHERE slug = @slug", new { slug }, transaction, cancellationToken: cancellationToken)) > 0)
                {
                    return false;
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO tenants (id, slug, name, created_at) VALUES (@id, @slug, @name, @now)",
                    new { id = database.Id(tenant.Id), slug, name, now = database.Time(tenant.CreatedAt) },
                    transaction,
                    cancellationToken: cancellationToken));
                await seeder.InsertAgentsAsync(connection, transaction, agents, cancellationToken);
                return true;
            },
            cancellationToken);
        return tenant;
    }

    public async Task<Tenant?> FindTenantAsync(string slug, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT id, slug, name, created_at FROM tenants WHERE slug = @slug", new { slug }, ReadTenant, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<Tenant>> ListTenantsAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT id, slug, name, created_at FROM tenants ORDER BY slug", null, ReadTenant, cancellationToken);

    public async Task<User> AddUserAsync(Guid tenantId, string username, string passwordHash, Role role, CancellationToken cancellationToken)
    {
        var user = new User(Guid.CreateVersion7(), tenantId, username, passwordHash, role, clock.GetUtcNow());
        await WriteUniqueAsync(
            "username",
            $"The username '{username}' is taken.",
            async (connection, transaction) =>
            {
                if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM users WHERE username = @username", new { username }, transaction, cancellationToken: cancellationToken)) > 0)
                {
                    return false;
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    $"INSERT INTO users ({UserColumns}) VALUES (@id, @tenantId, @username, @hash, @role, @now)",
                    new { id = database.Id(user.Id), tenantId = database.Id(tenantId), username, hash = passwordHash, role = role.ToWire(), now = database.Time(user.CreatedAt) },
                    transaction,
                    cancellationToken: cancellationToken));
                return true;
            },
            cancellationToken);
        return user;
    }

    public async Task<User?> FindUserByUsernameAsync(string username, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {UserColumns} FROM users WHERE username = @username", new { username }, ReadUser, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<User>> ListUsersAsync(Guid tenantId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {UserColumns} FROM users WHERE tenant_id = @tenantId ORDER BY username", new { tenantId = database.Id(tenantId) }, ReadUser, cancellationToken);

    public async Task<User?> FindUserAsync(Guid userId, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {UserColumns} FROM users WHERE id = @id", new { id = database.Id(userId) }, ReadUser, cancellationToken)).FirstOrDefault();

    public async Task<User?> DeleteUserAsync(Guid? tenantId, Guid userId, CancellationToken cancellationToken)
    {
        var user = await FindUserAsync(userId, cancellationToken);
        if (user is null || (tenantId is not null && user.TenantId != tenantId))
        {
            return null;
        }

        await database.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM users WHERE id = @id AND tenant_id = @tenantId",
                new { id = database.Id(userId), tenantId = database.Id(user.TenantId) },
                cancellationToken: cancellationToken)),
            cancellationToken);
        return user;
    }

    public async Task<ApiKey> AddKeyAsync(Guid tenantId, string name, Role role, string secretHash, string hint, CancellationToken cancellationToken)
    {
        var key = new ApiKey(Guid.CreateVersion7(), tenantId, name, role, hint, clock.GetUtcNow(), null, null);
        await database.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO api_keys (id, tenant_id, name, role, secret_hash, hint, created_at) VALUES (@id, @tenantId, @name, @role, @secretHash, @hint, @now)",
                new { id = database.Id(key.Id), tenantId = database.Id(tenantId), name, role = role.ToWire(), secretHash, hint, now = database.Time(key.CreatedAt) },
                cancellationToken: cancellationToken)),
            cancellationToken);
        return key;
    }

    public async Task<ApiKey?> FindKeyByHashAsync(string secretHash, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {KeyColumns} FROM api_keys WHERE secret_hash = @secretHash", new { secretHash }, ReadKey, cancellationToken)).FirstOrDefault();

    public async Task<ApiKey?> FindKeyAsync(Guid keyId, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {KeyColumns} FROM api_keys WHERE id = @id", new { id = database.Id(keyId) }, ReadKey, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<ApiKey>> ListKeysAsync(Guid tenantId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {KeyColumns} FROM api_keys WHERE tenant_id = @tenantId ORDER BY created_at, id", new { tenantId = database.Id(tenantId) }, ReadKey, cancellationToken);

    public async Task<ApiKey?> RevokeKeyAsync(Guid? tenantId, Guid keyId, CancellationToken cancellationToken)
    {
        var tenantFilter = tenantId is null ? string.Empty : " AND tenant_id = @tenantId";
        await database.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE api_keys SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL{tenantFilter}",
                new { id = database.Id(keyId), tenantId = database.Id(tenantId), now = database.Time(clock.GetUtcNow()) },
                cancellationToken: cancellationToken)),
            cancellationToken);
        var key = await FindKeyAsync(keyId, cancellationToken);
        return key is not null && (tenantId is null || key.TenantId == tenantId) ? key : null;
    }

    public Task TouchKeyAsync(Guid keyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE api_keys SET last_used_at = @now WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @cutoff)",
                new { id = database.Id(keyId), now = database.Time(now), cutoff = database.Time(now.AddMinutes(-1)) },
                cancellationToken: cancellationToken)),
            cancellationToken);

    private static string NewPublicKey() => "pk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    // The check inside the transaction answers the common case; the unique index answers a race
    // between two instances, which surfaces as a DbException on insert.
    private async Task WriteUniqueAsync(string field, string conflict, Func<DbConnection, DbTransaction, Task<bool>> work, CancellationToken cancellationToken)
    {
        bool written;
        try
        {
            written = await database.WriteAsync(work, cancellationToken);
        }
        catch (DbException e) when (UniqueViolation.Is(e))
        {
            written = false;
        }

        if (!written)
        {
            throw new AccountConflictException(field, conflict);
        }
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, Func<Row, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(read)];
    }

    private static Tenant ReadTenant(Row r) => new(r.Guid("id"), r.String("slug"), r.String("name"), r.Time("created_at"));

    private static User ReadUser(Row r) =>
        new(r.Guid("id"), r.Guid("tenant_id"), r.String("username"), r.String("password_hash"), ParseRole(r.String("role")), r.Time("created_at"));

    private static ApiKey ReadKey(Row r) =>
        new(r.Guid("id"), r.Guid("tenant_id"), r.String("name"), ParseRole(r.String("role")), r.String("hint"), r.Time("created_at"), r.TimeOrNull("last_used_at"), r.TimeOrNull("revoked_at"));

    private static Role ParseRole(string value) => Roles.TryParse(value, out var role) ? role : Role.Customer;
}
