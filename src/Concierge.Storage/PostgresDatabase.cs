using System.Data.Common;
using Dapper;
using Npgsql;

namespace Concierge.Storage;

/// <summary>PostgreSQL through one <see cref="NpgsqlDataSource"/> (the process's connection pool).</summary>
public sealed class PostgresDatabase(DatabaseSettings settings) : Database
{
    // Any fixed number shared by every Concierge instance; "CNCRG" in ASCII.
    private const long MigrationLockKey = 0x434E435247;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(
        settings.Provider == DatabaseProvider.Postgres ? settings.ConnectionString : throw new ArgumentException("Not PostgreSQL settings.", nameof(settings)));

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public NpgsqlDataSource DataSource => _dataSource;

    internal override string TimestampType => "timestamptz";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            StorageTelemetry.ConnectionFailed(Provider);
            throw;
        }
    }

    public override object Id(Guid id) => id;

    public override object Ids(IEnumerable<Guid> ids) => ids.ToArray();

    public override string In(string column, string name) => $"{column} = ANY(@{name})";

    // Npgsql writes timestamptz only from a UTC DateTimeOffset.
    public override object Time(DateTimeOffset time) => SqlTime.Truncate(time);

    public override string Json(string name) => $"CAST(@{name} AS jsonb)";

    internal override async Task<IAsyncDisposable> LockMigrationsAsync(CancellationToken cancellationToken)
    {
        // A session lock on a connection of its own, so that each migration can still commit
        // in its own transaction while the other instances wait here.
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey }, commandTimeout: 0, cancellationToken: cancellationToken));
            return new MigrationLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override ValueTask<IAsyncDisposable> EnterWriterAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IAsyncDisposable>(NoLock.Instance);

    internal override Task LockForTransactionAsync(DbConnection connection, DbTransaction transaction, long key, CancellationToken cancellationToken) =>
        // Released by the commit or rollback; the wait has no command timeout of its own, the
        // holder's transaction is short.
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key }, transaction, commandTimeout: 0, cancellationToken: cancellationToken));

    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private sealed class MigrationLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = MigrationLockKey });
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
