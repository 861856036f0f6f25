using Dapper;
using Microsoft.Extensions.Logging;

namespace Concierge.Storage.Migrations;

/// <summary>A row of schema_migrations.</summary>
public sealed record AppliedMigration(int Version, string Name, DateTimeOffset AppliedAt);

/// <summary>
/// Applies the embedded SQL migrations that the database has not seen, in version order, each in
/// its own transaction together with its schema_migrations row, so that a failed migration leaves
/// no trace and the next start retries it. Safe when several instances start at once.
/// </summary>
public sealed class MigrationRunner(Database database, TimeProvider clock, ILogger<MigrationRunner> logger)
{
    /// <summary>Applies what is pending and returns what this call applied (empty when up to date).</summary>
    public async Task<IReadOnlyList<AppliedMigration>> ApplyAsync(CancellationToken cancellationToken)
    {
        var migrations = Migration.For(database.Provider);
        var applied = new List<AppliedMigration>();
        await using var migrationLock = await database.LockMigrationsAsync(cancellationToken);

        // IF NOT EXISTS alone is not race-free on PostgreSQL; the lock above makes it so.
        await database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                $"CREATE TABLE IF NOT EXISTS schema_migrations (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at {database.TimestampType} NOT NULL)",
                transaction: transaction,
                cancellationToken: cancellationToken)),
            cancellationToken);

        foreach (var migration in migrations)
        {
            var done = await database.WriteAsync(
                async (connection, transaction) =>
                {
                    // Checked inside the write transaction: another process may have applied it meanwhile.
                    var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                        "SELECT COUNT(*) FROM schema_migrations WHERE version = @version",
                        new { version = migration.Version },
                        transaction,
                        cancellationToken: cancellationToken));
                    if (exists > 0)
                    {
                        return null;
                    }

                    await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
                    var now = SqlTime.Truncate(clock.GetUtcNow());
                    await connection.ExecuteAsync(new CommandDefinition(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt)",
                        new { version = migration.Version, name = migration.Name, appliedAt = database.Time(now) },
                        transaction,
                        cancellationToken: cancellationToken));
                    return new AppliedMigration(migration.Version, migration.Name, now);
                },
                cancellationToken);

            if (done is not null)
            {
                logger.LogInformation("Applied {Provider} migration {Version} {Name}", database.ProviderName, done.Version, done.Name);
                applied.Add(done);
            }
        }

        if (applied.Count == 0)
        {
            logger.LogInformation("The {Provider} schema is up to date (version {Version})", database.ProviderName, migrations.Count == 0 ? 0 : migrations[^1].Version);
        }

        return applied;
    }

    /// <summary>The history table's rows, oldest first.</summary>
    public async Task<IReadOnlyList<AppliedMigration>> HistoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            "SELECT version, name, applied_at FROM schema_migrations ORDER BY version", cancellationToken: cancellationToken));
        return rows.Select(r => new AppliedMigration(r.Int("version"), r.String("name"), r.Time("applied_at"))).ToList();
    }
}
