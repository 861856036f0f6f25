using System.Diagnostics;
using System.Text;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Concierge.Server.Tests.Operations;

/// <summary>
/// <c>backup</c> and <c>restore</c> on the built server: a backup taken while a server process takes
/// turns is one consistent moment, restores into a new database with the same rows, and a restore
/// refuses a non-empty database, a corrupt file and a foreign one without changing anything.
/// </summary>
public sealed class BackupTests
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "Concierge.Server.dll");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sqlite_backup_under_load_restores_into_a_new_database_with_the_same_consistent_contents()
    {
        var source = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var restored = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var file = Path.Combine(Path.GetDirectoryName(SqlitePath(source))!, "backup.db");
        using var server = await ServerProcess.StartReadyAsync(source);
        var client = server.OperatorClient();
        var sessions = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            sessions.Add(await client.NewChatSessionAsync());
        }

        using var stop = new CancellationTokenSource();
        var turns = 0;
        var load = Task.WhenAll(sessions.Select(id => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await client.PostJsonAsync($"/api/v1/sessions/{id}/messages", new { message = $"Which database do you use? {Guid.NewGuid():N}" });
                Interlocked.Increment(ref turns);
            }
        })));
        while (Volatile.Read(ref turns) < 10)
        {
            await Task.Delay(20, Ct);
        }

        var backup = await RunAsync(source, "backup", file);
        var turnsAtBackup = Volatile.Read(ref turns);
        while (Volatile.Read(ref turns) < turnsAtBackup + 5)
        {
            await Task.Delay(20, Ct);
        }

        await stop.CancelAsync();
        await load;
        var restore = await RunAsync(restored, "restore", file);

        Assert.True(backup.Code == 0, backup.Error);
        Assert.Contains("backup: done", backup.Output);
        Assert.True(restore.Code == 0, restore.Error);
        Assert.Contains("restore: restored", restore.Output);
        var inBackup = Snapshot(file);
        var inRestored = Snapshot(SqlitePath(restored));
        var inSource = Snapshot(SqlitePath(source));
        Assert.Equal(inBackup, inRestored);
        Assert.InRange(long.Parse(inRestored["messages"].Split(':')[0], System.Globalization.CultureInfo.InvariantCulture), 2 * 10, 2 * (turnsAtBackup + 3));
        Assert.NotEqual(inSource["messages"], inRestored["messages"]);
        Assert.Equal(0, ScalarLong(SqlitePath(restored), "SELECT COUNT(*) FROM sessions s WHERE s.message_count <> (SELECT COUNT(*) FROM messages m WHERE m.session_id = s.id)"));
    }

    [Fact]
    public async Task A_restore_refuses_a_non_empty_database_a_corrupt_file_and_a_foreign_one_and_changes_nothing()
    {
        var url = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var folder = Path.GetDirectoryName(SqlitePath(url))!;
        var file = Path.Combine(folder, "good.db");
        Assert.Equal(0, (await RunHereAsync(url, "migrate")).Code);
        Assert.Equal(0, (await RunHereAsync(url, "backup", file)).Code);
        var corrupt = Path.Combine(folder, "corrupt.db");
        var bytes = await File.ReadAllBytesAsync(file, Ct);
        Array.Fill(bytes, (byte)0x5a, 4096, Math.Min(8192, bytes.Length - 4096));
        await File.WriteAllBytesAsync(corrupt, bytes, Ct);
        var random = Path.Combine(folder, "random.bin");
        await File.WriteAllBytesAsync(random, Encoding.UTF8.GetBytes("not a backup at all"), Ct);
        var foreign = Path.Combine(folder, "foreign.db");
        await using (var connection = new SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = new SqliteCommand("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hello');", connection);
            await command.ExecuteNonQueryAsync(Ct);
        }

        var before = Snapshot(SqlitePath(url));
        var nonEmpty = await RunHereAsync(url, "restore", file);
        var damaged = await RunHereAsync(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), "restore", corrupt);
        var notBackup = await RunHereAsync(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), "restore", random);
        var alien = await RunHereAsync(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), "restore", foreign);
        var missing = await RunHereAsync(url, "restore", Path.Combine(folder, "nothing-here.db"));
        var noFile = await RunHereAsync(url, "backup");
        var noFolder = await RunHereAsync(url, "backup", "/nonexistent-folder/x.db");
        var forced = await RunHereAsync(url, "restore", file, "--force");

        Assert.Equal(1, nonEmpty.Code);
        Assert.Contains("--force", nonEmpty.Error);
        Assert.Equal(before, Snapshot(SqlitePath(url)));
        Assert.Equal(1, damaged.Code);
        Assert.Equal(1, notBackup.Code);
        Assert.Contains("not a Concierge backup", notBackup.Error);
        Assert.Equal(1, alien.Code);
        Assert.Contains("not a Concierge one", alien.Error);
        Assert.Equal(1, missing.Code);
        Assert.NotEqual(0, noFile.Code);
        Assert.Equal(1, noFolder.Code);
        Assert.All(new[] { nonEmpty, damaged, notBackup, alien, missing, noFolder }, r => Assert.DoesNotContain("   at ", r.Error));
        Assert.True(forced.Code == 0, forced.Error);
    }

    [Fact]
    public async Task A_postgres_backup_with_pg_dump_restores_into_a_new_database_with_the_same_rows()
    {
        var source = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var target = await PostgresDatabases.CreateUrlAsync(Ct);
        var file = Path.Combine(Path.GetTempPath(), $"concierge-pg-{Guid.NewGuid():N}.dump");
        try
        {
            await using (var app = new ConciergeApp(source))
            {
                var client = app.OperatorClient();
                var id = await client.NewChatSessionAsync();
                await client.PostJsonAsync($"/api/v1/sessions/{id}/messages", new { message = "Which database do you use?" });
                await client.PostJsonAsync($"/api/v1/sessions/{id}/messages", new { message = "And backups?" });
            }

            var backup = await RunAsync(source, "backup", file);
            var restore = await RunAsync(target, "restore", file);
            var again = await RunAsync(target, "restore", file);

            Assert.True(backup.Code == 0, backup.Error);
            Assert.Contains("pg_dump", backup.Output);
            Assert.True(restore.Code == 0, restore.Error);
            Assert.Equal(1, again.Code);
            Assert.Contains("--force", again.Error);
            Assert.Equal(await PgCountsAsync(source), await PgCountsAsync(target));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string SqlitePath(string url) => url["sqlite:///".Length..];

    /// <summary>Every table's row count and a digest of its rows in key order: equal snapshots hold the same data.</summary>
    private static Dictionary<string, string> Snapshot(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name", connection))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            using var command = new SqliteCommand($"SELECT * FROM \"{table}\" ORDER BY 1", connection);
            using var reader = command.ExecuteReader();
            var text = new StringBuilder();
            long rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "\u0000" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
                }
            }

            snapshot[table] = $"{rows}:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))}";
        }

        return snapshot;
    }

    private static long ScalarLong(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = new SqliteCommand(sql, connection);
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<Dictionary<string, long>> PgCountsAsync(string url)
    {
        var settings = Concierge.Storage.DatabaseSettings.FromUrl(url);
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(Ct);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync(Ct))!;
        }

        return counts;
    }

    /// <summary>The same commands in this process (quicker than a process each, for the refusals).</summary>
    private static async Task<(int Code, string Output, string Error)> RunHereAsync(string databaseUrl, params string[] args)
    {
        var configuration = Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DATABASE_URL"] = databaseUrl }));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = args[0] == "migrate"
            ? await Concierge.Storage.StorageCommands.MigrateAsync(configuration, error, Ct)
            : await Concierge.Server.Backups.BackupCommands.RunAsync(args, configuration, output, error);
        SqliteConnection.ClearAllPools();
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string databaseUrl, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [ServerDll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DATABASE_URL"] = databaseUrl;
        start.Environment["SECRET_KEY"] = ConciergeApp.TestSecretKey;
        start.Environment["LOG_LEVEL"] = "ERROR";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output, await error);
    }
}
