using System.Diagnostics;
using Concierge.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// Fault 6, SQLite: its disk fills up (a size-limited tmpfs the test mounts, as root) and its file
/// is locked by another process, each under load. The server answers 503 database_unavailable with
/// Retry-After while it lasts (never a 500), serves again by itself afterwards, loses nothing it
/// acknowledged, and the file passes <c>PRAGMA integrity_check</c>.
/// </summary>
public sealed class SqliteFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_full_disk_answers_503_with_Retry_After_and_the_server_recovers_when_space_returns()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.UserName == "root", "mounting a size-limited tmpfs needs root on Linux");
        var folder = Directory.CreateTempSubdirectory("concierge-full-").FullName;
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", folder);
        try
        {
            var file = Path.Combine(folder, "concierge.db");
            var ledger = new FaultLedger();
            using (var server = await ServerProcess.StartReadyAsync("sqlite:///" + file, new Dictionary<string, string> { ["RATE_LIMIT_PER_MINUTE"] = "0" }))
            {
                using var operatorClient = server.OperatorClient();
                var load = new FaultLoad(new FaultTargets([(server.Http, operatorClient)]), ledger).Start(chats: 3, streams: 1);
                await Task.Delay(FaultScale.Pick(3, 20), Ct);

                var filler = Path.Combine(folder, "filler");
                Fill(filler);
                var fullAt = ledger.Now;
                await Task.Delay(FaultScale.Pick(4, 30), Ct);
                var refused = ledger.RefusedWith(l => l.StartsWith("503", StringComparison.Ordinal));
                File.Delete(filler);
                var freedAt = ledger.Now;
                await Task.Delay(FaultScale.Pick(4, 20), Ct);
                await load.StopAsync();

                var report = await FaultChecker.CheckAsync("SQLite disk full", ledger, operatorClient, measures: new Dictionary<string, string>
                {
                    ["refused while full"] = refused.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["first turn after space returned"] = FaultReport.Seconds(ledger.FirstAckAfter(freedAt)),
                    ["integrity_check"] = "see below",
                });
                report.Assert();
                Assert.True(refused > 0, $"nothing was refused while the disk was full (did the filler fill it?): {report}");
                Assert.True(ledger.RefusedWith(l => l.StartsWith('5') && l != "503 with Retry-After") == 0, $"a 5xx other than 503 with Retry-After: {report}");
                Assert.True(ledger.FirstAckAfter(freedAt) < TimeSpan.FromSeconds(15), $"turns did not resume once space returned: {report}");
                Assert.True(fullAt < freedAt);
            }

            Assert.Equal("ok", await IntegrityCheckAsync(file));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            await RunAsync("umount", "-l", folder);
            Directory.Delete(folder, recursive: true);
        }
    }

    // Explicit for its length (about a minute): Microsoft.Data.Sqlite retries a busy database for the
    // command timeout (DefaultTimeout, 30 s) before SQLite's busy_timeout error reaches the server, so
    // a shorter lock only delays turns (an 8 s lock refused nothing, every turn committed late).
    [Fact(Explicit = true)]
    public async Task A_database_file_locked_by_another_process_answers_503_with_Retry_After_and_the_server_recovers_when_it_is_released()
    {
        var url = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var file = url["sqlite:///".Length..];
        var ledger = new FaultLedger();
        using (var server = await ServerProcess.StartReadyAsync(url, new Dictionary<string, string> { ["RATE_LIMIT_PER_MINUTE"] = "0" }))
        {
            using var operatorClient = server.OperatorClient();
            var load = new FaultLoad(new FaultTargets([(server.Http, operatorClient)]), ledger).Start(chats: 3, streams: 1);
            await Task.Delay(FaultScale.Pick(3, 20), Ct);

            // This test process is the other process: it takes the write lock and holds it past the 30 s the server waits.
            TimeSpan releasedAt;
            int refused;
            await using (var locker = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await locker.OpenAsync(Ct);
                await using var begin = locker.CreateCommand();
                begin.CommandText = "BEGIN EXCLUSIVE";
                await begin.ExecuteNonQueryAsync(Ct);
                await Task.Delay(FaultScale.Pick(36, 45), Ct);
                refused = ledger.RefusedWith(l => l.StartsWith("503", StringComparison.Ordinal));
                begin.CommandText = "ROLLBACK";
                await begin.ExecuteNonQueryAsync(Ct);
                releasedAt = ledger.Now;
            }

            await Task.Delay(FaultScale.Pick(4, 20), Ct);
            await load.StopAsync();
            var report = await FaultChecker.CheckAsync("SQLite file locked by another process", ledger, operatorClient, measures: new Dictionary<string, string>
            {
                ["refused while locked"] = refused.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["first turn after the lock was released"] = FaultReport.Seconds(ledger.FirstAckAfter(releasedAt)),
            });
            report.Assert();
            Assert.True(refused > 0, $"nothing was refused while the file was locked: {report}");
            Assert.True(ledger.RefusedWith(l => l.StartsWith('5') && l != "503 with Retry-After") == 0, $"a 5xx other than 503 with Retry-After: {report}");
            Assert.True(ledger.FirstAckAfter(releasedAt) < TimeSpan.FromSeconds(15), $"turns did not resume after the lock was released: {report}");
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal("ok", await IntegrityCheckAsync(file));
    }

    private static async Task<string> IntegrityCheckAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>Writes zeros until the file system says it is full.</summary>
    private static void Fill(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var block = new byte[1 << 16];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // ENOSPC: full.
        }
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed: {error}");
    }
}
