using System.CommandLine;
using Concierge.Storage;
using Concierge.Storage.Lifecycle;

namespace Concierge.Server.Backups;

/// <summary>
/// <c>dotnet Concierge.Server.dll backup &lt;file&gt;</c> and <c>restore &lt;file&gt; [--force]</c> on the
/// configured database (DATABASE_URL). Progress lines on standard output; one clear error line on
/// standard error and a non-zero exit on bad input (1 refused or failed, 2 bad configuration).
/// </summary>
public static class BackupCommands
{
    private static readonly string[] Verbs = ["backup", "restore"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        var services = new ServiceCollection().AddLogging();
        try
        {
            services.AddConciergeStorage(configuration);
        }
        catch (InvalidSettingException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        await using var provider = services.BuildServiceProvider();
        var backups = new Concierge.Storage.Lifecycle.Backups(provider.GetRequiredService<DatabaseSettings>(), output);

        var backupFile = new Argument<string>("file") { Description = "Where to write the backup (replaced when it exists)." };
        var backup = new Command("backup", "Back up the database, consistently, while the server runs.") { backupFile };
        backup.SetAction(async (p, ct) =>
        {
            await backups.BackupAsync(p.GetValue(backupFile)!, ct);
            return 0;
        });

        var restoreFile = new Argument<string>("file") { Description = "A file 'backup' wrote." };
        var force = new Option<bool>("--force") { Description = "Replace a database that holds data (stop the servers first)." };
        var restore = new Command("restore", "Restore a backup into the configured database, then migrate it to this version.") { restoreFile, force };
        restore.SetAction(async (p, ct) =>
        {
            await backups.RestoreAsync(p.GetValue(restoreFile)!, p.GetValue(force), ct);
            await provider.MigrateDatabaseAsync(ct);
            await output.WriteLineAsync("restore: migrated; done");
            return 0;
        });

        var root = new RootCommand("Concierge backups") { backup, restore };
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (BackupException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }
}
