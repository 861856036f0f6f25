using System.Collections.Concurrent;
using System.Data;

namespace Concierge.Storage;

/// <summary>
/// The idle <see cref="ReusableSqliteConnection"/>s of one <see cref="SqliteDatabase"/>, kept open
/// with their prepared statements. Bounded like Microsoft.Data.Sqlite's own pool would be in use:
/// as many as were open at once, up to <see cref="MaxIdle"/>. The count is kept beside the bag
/// because <see cref="ConcurrentBag{T}.Count"/> takes every thread's lock, on each return.
/// </summary>
internal sealed class SqliteConnectionPool(string connectionString)
{
    public const int MaxIdle = 100;

    private readonly ConcurrentBag<ReusableSqliteConnection> _idle = [];
    private int _count;
    private int _closed;

    /// <summary>An idle connection that is still open, or a new one (not yet opened) that returns here.</summary>
    public ReusableSqliteConnection Take()
    {
        while (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _count);
            if (idle.State == ConnectionState.Open)
            {
                idle.Lend();
                return idle;
            }

            idle.Retire();
        }

        return new ReusableSqliteConnection(connectionString, this);
    }

    /// <summary>Takes <paramref name="connection"/> back; false when it should close instead (full, or the pool is closed).</summary>
    public bool TryReturn(ReusableSqliteConnection connection)
    {
        if (Volatile.Read(ref _closed) != 0 || Interlocked.Increment(ref _count) > MaxIdle)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        _idle.Add(connection);
        return true;
    }

    /// <summary>Closes every idle connection, and every one returned after this.</summary>
    public void Close()
    {
        Volatile.Write(ref _closed, 1);
        while (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _count);
            idle.Retire();
        }
    }
}
