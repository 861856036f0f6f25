using System.Data.Common;

namespace Concierge.Storage;

/// <summary>
/// The one database of the process: opens connections and runs write transactions, and hides
/// the few places where SQLite and PostgreSQL differ (parameter values, JSON casts, write locking).
/// Registered as a singleton; SQL text itself is shared by both providers.
/// </summary>
public abstract class Database : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public string ProviderName => Provider.Name();

    /// <summary>An open connection; the caller disposes it (which returns it to the pool).</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction and commits when it returns; an
    /// exception rolls everything back. The connection is held only for the transaction.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        using var activity = StorageTelemetry.StartTransaction(Provider);
        await using var writer = await EnterWriterAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var result = await work(connection, transaction);
        // Once the work is done, committing is not abandoned half-way for a caller who left.
        await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    public Task WriteAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken) =>
        WriteAsync<bool>(async (c, t) => { await work(c, t); return true; }, cancellationToken);

    /// <summary>Runs one statement that writes outside an explicit transaction (it is its own transaction).</summary>
    public async Task<T> WriteStatementAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var writer = await EnterWriterAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        return await work(connection);
    }

    /// <summary>A guid as this provider stores it (uuid, or TEXT in SQLite).</summary>
    public abstract object Id(Guid id);

    public object? Id(Guid? id) => id is { } value ? Id(value) : null;

    /// <summary>A list of guids for <see cref="In"/>, typed as this provider takes it.</summary>
    public abstract object Ids(IEnumerable<Guid> ids);

    /// <summary>
    /// "column is one of list parameter <paramref name="name"/>". Dapper expands <c>IN @ids</c> into
    /// one parameter per item for SQLite, but hands Npgsql a real array, which needs <c>= ANY(@ids)</c>.
    /// </summary>
    public abstract string In(string column, string name);

    /// <summary>A time as this provider stores it: UTC, truncated to microseconds (what both keep).</summary>
    public abstract object Time(DateTimeOffset time);

    public object? Time(DateTimeOffset? time) => time is { } value ? Time(value) : null;

    /// <summary>The SQL that reads parameter <paramref name="name"/> (text) as this provider's JSON type.</summary>
    public abstract string Json(string name);

    /// <summary>The column type of the migration history's applied_at.</summary>
    internal abstract string TimestampType { get; }

    /// <summary>
    /// Keeps other migration runners out while ours runs (PostgreSQL: an advisory lock, since
    /// several instances may start together). The result is disposed to unlock.
    /// </summary>
    internal abstract Task<IAsyncDisposable> LockMigrationsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes the rest of <paramref name="transaction"/> the only writer holding <paramref name="key"/>
    /// until it ends (PostgreSQL: a transaction-scoped advisory lock). SQLite needs none: its one
    /// writer (BEGIN IMMEDIATE, across processes too) already excludes every other.
    /// </summary>
    internal abstract Task LockForTransactionAsync(DbConnection connection, DbTransaction transaction, long key, CancellationToken cancellationToken);

    /// <summary>Serialises writers where the engine cannot (SQLite); a no-op elsewhere.</summary>
    protected abstract ValueTask<IAsyncDisposable> EnterWriterAsync(CancellationToken cancellationToken);

    protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    protected sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
