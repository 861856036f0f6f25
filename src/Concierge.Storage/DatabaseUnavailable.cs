using Microsoft.Data.Sqlite;
using Npgsql;

namespace Concierge.Storage;

/// <summary>
/// Tells a database that is away for now (PostgreSQL down, restarting or out of connections; a
/// SQLite file locked by another process, its disk full, an I/O error) from a bug in a query. The
/// first is a 503 with Retry-After at the edge: the client may send again and nothing it was told
/// succeeded is lost. The second stays a 500.
/// </summary>
public static class DatabaseUnavailable
{
    // SQLite's primary result codes: BUSY, LOCKED, IOERR, FULL, CANTOPEN, PROTOCOL.
    private static readonly HashSet<int> SqliteTransient = [5, 6, 10, 13, 14, 15];

    /// <summary>Seconds a client is asked to wait before sending again.</summary>
    public const int RetryAfterSeconds = 2;

    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Npgsql marks connection failures, the server shutting down or starting
                // (57P01-57P03), too many connections and serialization failures as transient.
                case NpgsqlException { IsTransient: true }:
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }:
                case NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException }:
                    return true;
                case SqliteException sqlite when SqliteTransient.Contains(sqlite.SqliteErrorCode & 0xFF):
                    return true;
            }
        }

        return false;
    }
}
