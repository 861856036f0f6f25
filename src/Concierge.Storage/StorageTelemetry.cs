using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Concierge.Storage;

/// <summary>
/// The store's own telemetry: connection failures (both databases; the database-down alert), and a
/// span per write transaction (<c>db.transaction</c>), which is where SQLite's commands show in a
/// trace (Microsoft.Data.Sqlite emits no spans; PostgreSQL's commands come from Npgsql's own
/// "Npgsql" source besides).
/// </summary>
public static class StorageTelemetry
{
    public const string Name = "Concierge.Storage";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Connections that could not be opened, by <c>db.system</c> (sqlite, postgresql).</summary>
    public static readonly Counter<long> ConnectionFailures = Meter.CreateCounter<long>(
        "concierge.db.connection.failures", "{failure}", "Database connections that could not be opened, by db.system.");

    // Set once this process has opened a SQLite connection: only then is SQLitePCLRaw's provider
    // loaded (asking it before throws), and only then does SQLite hold memory worth reporting.
    private static int _sqliteOpened;

    /// <summary>
    /// Bytes SQLite's own allocator holds in this process (<c>sqlite3_memory_used</c>: the page
    /// caches of every open connection, prepared statements, schema), outside the managed heap, so
    /// that a growing RSS can be told apart from a growing GC heap. Nothing is reported on PostgreSQL.
    /// </summary>
    public static readonly ObservableGauge<long> SqliteMemoryUsed = Meter.CreateObservableGauge(
        "concierge.db.sqlite.memory.used",
        ObserveSqliteMemory,
        "By",
        "Bytes held by SQLite's allocator in this process (sqlite3_memory_used), once a SQLite connection was opened.");

    internal static void SqliteOpened() => Volatile.Write(ref _sqliteOpened, 1);

    private static IEnumerable<Measurement<long>> ObserveSqliteMemory() =>
        Volatile.Read(ref _sqliteOpened) == 1 ? [new Measurement<long>(SQLitePCL.raw.sqlite3_memory_used())] : [];

    internal static void ConnectionFailed(DatabaseProvider provider) =>
        ConnectionFailures.Add(1, new KeyValuePair<string, object?>("db.system", SystemName(provider)));

    internal static Activity? StartTransaction(DatabaseProvider provider)
    {
        var activity = Source.StartActivity("db.transaction", ActivityKind.Client);
        activity?.SetTag("db.system", SystemName(provider));
        activity?.SetTag("db.operation.name", "transaction");
        return activity;
    }

    private static string SystemName(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? "postgresql" : "sqlite";
}
