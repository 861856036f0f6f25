using System.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Concierge.Storage;

/// <summary>
/// A SQLite connection that goes back to its <see cref="SqliteConnectionPool"/> open when it is disposed,
/// and keeps its prepared statements with it. Microsoft.Data.Sqlite prepares a command's SQL again
/// for every new command object, and its pool keeps only the native handle, so every turn re-parsed
/// and re-planned the same few statements (about 8% of an offline turn's CPU in perf,
/// docs/benchmarks.md; efcore#14044 asks for a cache and is open). Keeping the connection object
/// keeps its commands, and a command whose text does not change keeps its prepared statements.
/// </summary>
internal sealed class ReusableSqliteConnection : SqliteConnection
{
    // Enough for the distinct statements the hot paths run (a batch's text varies with its row
    // count); past it the cache starts again rather than tracking use.
    private const int MaxStatements = 64;

    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private readonly SqliteConnectionPool _pool;
    private bool _retired;
    private int _lent = 1;

    public ReusableSqliteConnection(string connectionString, SqliteConnectionPool pool)
        : base(connectionString)
    {
        _pool = pool;
    }

    /// <summary>
    /// This connection's command for <paramref name="sql"/>, prepared on its first run and reused
    /// after; its parameters are cleared for the caller to fill.
    /// </summary>
    public SqliteCommand Statement(string sql, SqliteTransaction? transaction)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            if (_statements.Count >= MaxStatements)
            {
                ForgetStatements();
            }

            command = CreateCommand();
            command.CommandText = sql;
            _statements[sql] = command;
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>Marks the connection as handed out again from the idle set.</summary>
    public void Lend() => Volatile.Write(ref _lent, 1);

    /// <summary>Closes the connection for good (the database is being disposed).</summary>
    public void Retire()
    {
        _retired = true;
        _lent = 1;
        Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        // A second dispose of the same use must not put it in the idle set twice (two callers
        // would then share it).
        if (disposing && Interlocked.Exchange(ref _lent, 0) == 0)
        {
            return;
        }

        // Back to the pool only when nothing of this use is left on it: no open transaction (a
        // caller who failed before committing has rolled back by now; autocommit says so).
        if (disposing && !_retired && State == ConnectionState.Open && Handle is { } handle
            && raw.sqlite3_get_autocommit(handle) != 0 && _pool.TryReturn(this))
        {
            return;
        }

        ForgetStatements();
        base.Dispose(disposing);
    }

    private void ForgetStatements()
    {
        foreach (var command in _statements.Values)
        {
            command.Dispose();
        }

        _statements.Clear();
    }
}
