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
