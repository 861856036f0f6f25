using System.Collections.Concurrent;
using System.Data.Common;
using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Concierge.Storage;

/// <summary>
/// A SQLite file. SQLite allows one writer at a time: writers in this process queue on an async
/// gate (shared by every <see cref="SqliteDatabase"/> on the same file), and take the write lock
/// up front (BEGIN IMMEDIATE) so that a transaction never has to upgrade a read lock and fail
/// with "database is locked". Other processes on the same file wait through busy_timeout.
/// </summary>
public sealed class SqliteDatabase : Database
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Physical connections (native handles) whose per-connection PRAGMAs have run.</summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();

    private static readonly object Marker = new();

    private readonly string _connectionString;
    private readonly SemaphoreSlim _gate;
    private readonly SqliteConnectionPool _pool;
    private int _walEnabled;

    public SqliteDatabase(DatabaseSettings settings)
    {
        if (settings.Provider != DatabaseProvider.Sqlite || settings.SqlitePath is null)
        {
            throw new ArgumentException("Not SQLite settings.", nameof(settings));
        }

        Path = settings.SqlitePath;
        _connectionString = settings.ConnectionString;
        _gate = Gates.GetOrAdd(Path, static _ => new SemaphoreSlim(1, 1));
        _pool = new SqliteConnectionPool(_connectionString);
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>The database file's absolute path.</summary>
    public string Path { get; }

    internal override string TimestampType => "TEXT";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _walEnabled) == 0)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        }

        var connection = _pool.Take();
        if (connection.State == ConnectionState.Open)
        {
            return connection;
        }

        try
        {
            await connection.OpenAsync(cancellationToken);
            StorageTelemetry.SqliteOpened();
            if (Configured.TryGetValue(connection.Handle!, out _))
            {
                return connection;
            }

            await using var command = connection.CreateCommand();
            // Once per physical connection (the pool hands the same handle out again, and these
            // settings stay with it): wait for another process's lock instead of failing, fsync
            // at checkpoints only (safe with WAL), and overwrite deleted content with zeros so an
            // erased customer's text does not survive in free pages (GDPR erasure, retention).
            command.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (Interlocked.CompareExchange(ref _walEnabled, 1, 0) == 0)
            {
                // WAL is a property of the file: set once, it lets readers run beside the writer.
                command.CommandText = "PRAGMA journal_mode = WAL;";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            Configured.AddOrUpdate(connection.Handle!, Marker);
            return connection;
        }
        catch (Exception e)
        {
            if (e is SqliteException or IOException or UnauthorizedAccessException)
            {
                StorageTelemetry.ConnectionFailed(Provider);
            }

            connection.Retire();
            throw;
        }
    }

    /// <summary>
    /// Copies the write-ahead log into the file and truncates it to nothing, so no older copy of
    /// a page (an erased row's text) stays in the log. Readers still inside an old snapshot can
    /// keep it from completing; then it is logged and the next checkpoint finishes the job.
    /// </summary>
    public async Task TruncateLogAsync(Microsoft.Extensions.Logging.ILogger logger, CancellationToken cancellationToken)
    {
        await using var writer = await EnterWriterAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) != 0)
        {
            Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, "The SQLite log could not be truncated now (a reader is busy); the next checkpoint completes it");
        }
    }

    public override object Id(Guid id) => id.ToString("D");

    public override object Ids(IEnumerable<Guid> ids) => ids.Select(id => id.ToString("D")).ToList();

    public override string In(string column, string name) => $"{column} IN @{name}";

    public override object Time(DateTimeOffset time) => SqlTime.ToSqlite(time);

    public override string Json(string name) => "@" + name;

    internal override Task<IAsyncDisposable> LockMigrationsAsync(CancellationToken cancellationToken) =>
        // Each migration runs in a BEGIN IMMEDIATE transaction that re-checks the history first.
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    internal override Task LockForTransactionAsync(DbConnection connection, DbTransaction transaction, long key, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected override async ValueTask<IAsyncDisposable> EnterWriterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new GateTicket(_gate);
    }

    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false));

    public override ValueTask DisposeAsync()
    {
        // Lets tests delete the file: pooled connections would keep it open.
        _pool.Close();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private sealed class GateTicket(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
