using System.Diagnostics;
using System.Globalization;
using System.Text;
using Concierge.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Concierge.Storage.Lifecycle;

/// <summary>A backup or restore that cannot go ahead; its message is the one line the command prints.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// Backup and restore of the configured database. SQLite: the online backup API (a consistent
/// snapshot while the server keeps writing: WAL readers do not block the writer), into a single
/// self-contained file that is checked before it replaces the destination. PostgreSQL: pg_dump's
/// custom format (a consistent snapshot of its own) and pg_restore. Every step writes a progress
/// line; a bad file is refused before anything is changed.
/// </summary>
public sealed class Backups(DatabaseSettings settings, TextWriter progress)
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");
    private static readonly byte[] PgDumpHeader = Encoding.ASCII.GetBytes("PGDMP");

    public async Task BackupAsync(string file, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(file);
        if (Directory.Exists(target))
        {
            throw new BackupException($"'{file}' is a directory; give the backup's file name.");
        }

        if (Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
        {
            throw new BackupException($"the folder '{folder}' does not exist.");
        }

        var partial = target + ".partial";
        var watch = Stopwatch.StartNew();
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                await BackupSqliteAsync(partial, cancellationToken);
            }
            else
            {
                await BackupPostgresAsync(partial, cancellationToken);
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(partial);
        }

        await Line($"backup: done: {target} ({Size(new FileInfo(target).Length)}) in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    public async Task RestoreAsync(string file, bool force, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            throw new BackupException($"no file at '{file}'.");
        }

        var kind = await SniffAsync(source, cancellationToken);
        if (kind == DatabaseProvider.Sqlite && settings.Provider != DatabaseProvider.Sqlite)
        {
            throw new BackupException("the file is a SQLite backup, but DATABASE_URL names a PostgreSQL database.");
        }

        if (kind == DatabaseProvider.Postgres && settings.Provider != DatabaseProvider.Postgres)
        {
            throw new BackupException("the file is a PostgreSQL (pg_dump) backup, but DATABASE_URL names a SQLite database.");
        }

        var watch = Stopwatch.StartNew();
        if (kind == DatabaseProvider.Sqlite)
        {
            await RestoreSqliteAsync(source, force, cancellationToken);
        }
        else
        {
            await RestorePostgresAsync(source, force, cancellationToken);
        }

        await Line($"restore: copied in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task BackupSqliteAsync(string partial, CancellationToken cancellationToken)
    {
        var path = settings.SqlitePath!;
        if (!File.Exists(path))
        {
            throw new BackupException($"no SQLite database at '{path}' (DATABASE_URL).");
        }

        await Line($"backup: sqlite {path} -> {partial[..^".partial".Length]}");
        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await from.OpenAsync(cancellationToken);
            await Exec(from, "PRAGMA busy_timeout = 10000;", cancellationToken);
            await to.OpenAsync(cancellationToken);
            // One step over a read snapshot: what is copied is one moment of the database, however
            // much the server writes meanwhile.
            from.BackupDatabase(to);
            // A single file: the copy does not need a write-ahead log beside it.
            await Exec(to, "PRAGMA journal_mode = DELETE;", cancellationToken);
        }

        var (tables, rows) = await CheckSqliteAsync(partial, cancellationToken);
        await Line($"backup: copied and checked: integrity ok, {tables} tables, {rows} rows");
    }

    private async Task RestoreSqliteAsync(string source, bool force, CancellationToken cancellationToken)
    {
        var (tables, rows) = await CheckSqliteAsync(source, cancellationToken);
        await Line($"restore: {source} is a Concierge backup: integrity ok, {tables} tables, {rows} rows");
        var path = settings.SqlitePath!;
        if (File.Exists(path))
        {
            var held = await RowsInAsync(path, cancellationToken);
            if (held > 0 && !force)
            {
                throw new BackupException($"the database at '{path}' is not empty ({held} rows); stop the server and add --force to replace it.");
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Line($"restore: sqlite {source} -> {path}");
        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await from.OpenAsync(cancellationToken);
            await to.OpenAsync(cancellationToken);
            await Exec(to, "PRAGMA busy_timeout = 10000;", cancellationToken);
            // The destination is replaced page by page inside one of its transactions: all or nothing.
            from.BackupDatabase(to);
            await Exec(to, "PRAGMA journal_mode = WAL;", cancellationToken);
        }

        SqliteConnection.ClearAllPools();
        var (_, restored) = await CheckSqliteAsync(path, cancellationToken);
        await Line($"restore: restored {restored} rows");
    }

    /// <summary>Integrity, and that it is Concierge's: a migration history this version knows. Returns tables and rows.</summary>
    private static async Task<(int Tables, long Rows)> CheckSqliteAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            var integrity = (string?)await Scalar(connection, "PRAGMA integrity_check;", cancellationToken);
            if (integrity != "ok")
            {
                throw new BackupException($"'{path}' is damaged: {integrity}.");
            }

            var names = await TablesAsync(connection, cancellationToken);
            if (!names.Contains("schema_migrations") || !names.Contains("sessions"))
            {
                throw new BackupException($"'{path}' is a SQLite database but not a Concierge one (no migration history).");
            }

            await CheckVersionAsync((long?)await Scalar(connection, "SELECT MAX(version) FROM schema_migrations;", cancellationToken), path);
            long rows = 0;
            foreach (var name in names)
            {
                rows += (long)(await Scalar(connection, $"SELECT COUNT(*) FROM \"{name}\";", cancellationToken))!;
            }

            return (names.Count, rows);
        }
        catch (SqliteException e)
        {
            throw new BackupException($"'{path}' cannot be read as a SQLite database: {e.Message}");
        }
    }

    private static Task CheckVersionAsync(long? version, string path)
    {
        var known = Migration.For(DatabaseProvider.Sqlite).Max(m => m.Version);
        return version > known
            ? throw new BackupException($"'{path}' comes from a newer Concierge (schema {version}, this one knows up to {known}); restore it with that version.")
            : Task.CompletedTask;
    }

    private static async Task<long> RowsInAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        long rows = 0;
        foreach (var name in await TablesAsync(connection, cancellationToken))
        {
            rows += name == "schema_migrations" ? 0 : (long)(await Scalar(connection, $"SELECT COUNT(*) FROM \"{name}\";", cancellationToken))!;
        }

        return rows;
    }

    private static async Task<List<string>> TablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private async Task BackupPostgresAsync(string partial, CancellationToken cancellationToken)
    {
        var pgDump = Tool("pg_dump");
        var connection = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        await Line($"backup: postgresql {connection.Host}:{connection.Port}/{connection.Database} with {pgDump} (custom format, one snapshot)");
        await RunAsync(pgDump, ["--format=custom", "--no-owner", "--no-privileges", $"--file={partial}"], connection, cancellationToken);
        await Line($"backup: pg_dump wrote {Size(new FileInfo(partial).Length)}");
    }

    private async Task RestorePostgresAsync(string source, bool force, CancellationToken cancellationToken)
    {
        var pgRestore = Tool("pg_restore");
        var connection = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        var listing = await RunAsync(pgRestore, ["--list", source], null, cancellationToken);
        if (!listing.Contains("schema_migrations", StringComparison.Ordinal))
        {
            throw new BackupException($"'{source}' is a pg_dump archive but not of a Concierge database (no migration history).");
        }

        await Line($"restore: {source} is a Concierge pg_dump archive");
        await using (var db = new NpgsqlConnection(settings.ConnectionString))
        {
            await db.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'", db);
            var tables = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            if (tables > 0 && !force)
            {
                throw new BackupException($"the database {connection.Database} is not empty ({tables} tables); stop the servers and add --force to replace it.");
            }
        }

        await Line($"restore: postgresql {connection.Host}:{connection.Port}/{connection.Database} with {pgRestore}");
        string[] args = force
            ? ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", source]
            : ["--no-owner", "--no-privileges", "--single-transaction", source];
        await RunAsync(pgRestore, args, connection, cancellationToken);
    }

    /// <summary>pg_dump or pg_restore: on PATH, else the newest under /usr/lib/postgresql/*/bin (Debian's layout).</summary>
    private static string Tool(string name)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0, Path: Path.Combine(d, "bin", name)))
                .Where(t => File.Exists(t.Path)).OrderByDescending(t => t.Version).Select(t => t.Path).FirstOrDefault()
            : null;
        return debian ?? onPath ?? throw new BackupException($"{name} is not installed (Debian: apt-get install postgresql-client); it is needed for PostgreSQL backups.");
    }

    private static async Task<string> RunAsync(string tool, IEnumerable<string> args, NpgsqlConnectionStringBuilder? connection, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (connection is not null)
        {
            // The password goes by environment, never on a command line others can read.
            start.ArgumentList.Add($"--host={connection.Host}");
            start.ArgumentList.Add($"--port={connection.Port}");
            start.ArgumentList.Add($"--username={connection.Username}");
            start.ArgumentList.Add($"--dbname={connection.Database}");
            start.Environment["PGPASSWORD"] = connection.Password ?? string.Empty;
            start.Environment["PGSSLMODE"] = connection.SslMode.ToString().ToLowerInvariant() switch
            {
                "disable" => "disable",
                "require" => "require",
                "verifyca" => "verify-ca",
                "verifyfull" => "verify-full",
                _ => "prefer",
            };
        }

        using var process = Process.Start(start) ?? throw new BackupException($"{tool} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var why = (await error).Trim();
            throw new BackupException($"{Path.GetFileName(tool)} failed (exit {process.ExitCode}): {(why.Length > 400 ? why[..400] : why)}");
        }

        return await output;
    }

    private static async Task<DatabaseProvider> SniffAsync(string path, CancellationToken cancellationToken)
    {
        var head = new byte[16];
        await using (var stream = File.OpenRead(path))
        {
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            Array.Resize(ref head, read);
        }

        return head.AsSpan().StartsWith(SqliteHeader) ? DatabaseProvider.Sqlite
            : head.AsSpan().StartsWith(PgDumpHeader) ? DatabaseProvider.Postgres
            : throw new BackupException($"'{path}' is not a Concierge backup (neither a SQLite database nor a pg_dump archive).");
    }

    private static async Task Exec(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static string Size(long bytes) => bytes >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.0} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB");

    private Task Line(string text) => progress.WriteLineAsync(text);
}
