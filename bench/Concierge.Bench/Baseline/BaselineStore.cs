using Microsoft.Data.Sqlite;
using Npgsql;

namespace Concierge.Bench.Baseline;

/// <summary>One table and one INSERT per request: the least a durable write can cost on this database.</summary>
public abstract class BaselineStore : IAsyncDisposable
{
    public abstract Task CreateTableAsync();

    public abstract Task<Guid> InsertAsync(string message, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}

/// <summary>
/// As the product does it: WAL, synchronous=NORMAL and busy_timeout on every opened (pooled)
/// connection, and writers queued on an async gate because SQLite has one writer at a time.
/// </summary>
public sealed class SqliteBaselineStore(string connectionString) : BaselineStore
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public override async Task CreateTableAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS bench_inserts (id TEXT PRIMARY KEY, content TEXT NOT NULL, created_at TEXT NOT NULL);";
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<Guid> InsertAsync(string message, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO bench_inserts (id, content, created_at) VALUES (@id, @content, @createdAt)";
            command.Parameters.AddWithValue("@id", id.ToString("D"));
            command.Parameters.AddWithValue("@content", message);
            command.Parameters.AddWithValue("@createdAt", DateTimeOffset.UtcNow.ToString("O"));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }

        return id;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _writer.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}

/// <summary>A pooled Npgsql data source set up like the product's (pool 10 + overflow 20, statements auto-prepared).</summary>
public sealed class PostgresBaselineStore(string connectionString) : BaselineStore
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 30, MaxAutoPrepare = 64 }.ConnectionString);

    public override async Task CreateTableAsync()
    {
        await using var command = _source.CreateCommand(
            "CREATE TABLE IF NOT EXISTS bench_inserts (id uuid PRIMARY KEY, content text NOT NULL, created_at timestamptz NOT NULL)");
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<Guid> InsertAsync(string message, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("INSERT INTO bench_inserts (id, content, created_at) VALUES ($1, $2, $3)", connection);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(message);
        command.Parameters.AddWithValue(DateTimeOffset.UtcNow);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    public override ValueTask DisposeAsync() => _source.DisposeAsync();
}
