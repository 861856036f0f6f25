using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Concierge.Server.Tests.Infrastructure;

/// <summary>
/// Every table's row count and a digest of its rows, read straight from the database (not through
/// the API under test): two equal snapshots mean nothing was inserted, changed or deleted between them.
/// </summary>
internal sealed class DatabaseSnapshot : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly IReadOnlyList<string> _tables;

    private DatabaseSnapshot(DbConnection connection, IReadOnlyList<string> tables)
    {
        _connection = connection;
        _tables = tables;
    }

    public static async Task<DatabaseSnapshot> OpenAsync(string databaseUrl, CancellationToken cancellationToken)
    {
        var settings = Concierge.Storage.DatabaseSettings.FromUrl(databaseUrl);
        var sqlite = databaseUrl.StartsWith("sqlite", StringComparison.OrdinalIgnoreCase);
        DbConnection connection = sqlite ? new SqliteConnection(settings.ConnectionString) : new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                : "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        return new DatabaseSnapshot(connection, tables);
    }

    /// <summary>"table: rows digest" for every table, in name order.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TakeAsync(CancellationToken cancellationToken)
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in _tables)
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<string>();
            var row = new StringBuilder();
            while (await reader.ReadAsync(cancellationToken))
            {
                row.Clear();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "\u0000" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                    row.Append(value).Append('\u001f');
                }

                rows.Add(row.ToString());
            }

            // Sorted here rather than by SQL, so the digest does not depend on a table having a key to order by.
            rows.Sort(StringComparer.Ordinal);
            var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))))[..16];
            snapshot[table] = $"{rows.Count} rows {digest}";
        }

        return snapshot;
    }

    /// <summary>The tables whose rows differ between two snapshots, with both states.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. after.Where(t => !before.TryGetValue(t.Key, out var was) || was != t.Value)
            .Select(t => $"{t.Key}: {(before.TryGetValue(t.Key, out var was) ? was : "absent")} -> {t.Value}")];

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
