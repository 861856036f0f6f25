using System.Buffers.Binary;
using System.Globalization;
using Concierge.Server.Tests.Channels;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeGraph;
using Microsoft.Data.Sqlite;
using Microsoft.Win32.SafeHandles;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// Fault 6, SQLite: kill -9 of the server while it is copying the write-ahead log into the database
/// file, several times, each time restarted on the same file under the fault load. The server sets
/// no checkpoint of its own under load, so these are SQLite's automatic checkpoints (a commit that
/// leaves the log at 1,000 pages or more copies it back). The kill is aimed from the log's shared
/// index (the <c>-shm</c> file): a checkpoint writes how far it will copy (nBackfillAttempted)
/// before it starts and how far it got (nBackfill) once the copy and its fsync are done, so
/// attempted &gt; done means one is running. The test kills on seeing that, and reads the index again
/// after the process is gone: a kill counts as landed only if the checkpoint never recorded its end.
/// </summary>
public sealed class CheckpointKillTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kill_9_in_the_middle_of_a_WAL_checkpoint_loses_and_doubles_nothing_and_leaves_the_file_intact()
    {
        var landedWanted = FaultScale.Long ? 5 : 3;
        var maxKills = landedWanted * 3;
        await using var graph = await FakeGraphServer.StartAsync(Ct);
        var url = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var file = url["sqlite:///".Length..];
        var environment = ChannelFixtures.Settings(graph.BaseUrl).ToDictionary(kv => kv.Key, kv => kv.Value!);
        environment["RATE_LIMIT_PER_MINUTE"] = "0";
        // A webhook's job claimed by a killed process is taken over by the next one after this.
        environment["Concierge:Jobs:ClaimDuration"] = "00:00:03";
        var ledger = new FaultLedger();
        var kills = new List<CheckpointKill>();
        while (kills.Count(k => k.Landed) < landedWanted && kills.Count < maxKills)
        {
            using var server = await ServerProcess.StartReadyAsync(url, environment);
            using var operatorClient = server.OperatorClient();
            var load = new FaultLoad(new FaultTargets([(server.Http, operatorClient)]), ledger).Start(chats: 3, streams: 2, webhooks: 2);
            var seen = await Task.Run(() => WaitForCheckpoint(file + "-shm", FaultScale.Pick(45, 120)), Ct);
            await server.KillAsync();
            await load.StopAsync();
            kills.Add(new CheckpointKill(seen, WalIndex.Read(file + "-shm")));
        }

        TimeSpan restartedAt;
        using (var server = await ServerProcess.StartReadyAsync(url, environment))
        {
            restartedAt = ledger.Now;
            using var operatorClient = server.OperatorClient();
            var expected = ledger.Acks.Count(a => a.Kind == AckKind.WhatsApp);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (FaultChecker.RepliesFor(ledger, graph) < expected && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, Ct);
            }

            var allReplied = ledger.Now - restartedAt;
            await Task.Delay(TimeSpan.FromSeconds(4), Ct); // a job run again after its claim would send now
            var report = await FaultChecker.CheckAsync("kill -9 during a WAL checkpoint (SQLite)", ledger, operatorClient, graph, new Dictionary<string, string>
            {
                ["kills"] = kills.Count.ToString(CultureInfo.InvariantCulture),
                ["landed mid-checkpoint"] = kills.Count(k => k.Landed).ToString(CultureInfo.InvariantCulture),
                ["frames the interrupted checkpoints were copying"] = string.Join("/", kills.Where(k => k.Landed).Select(k => k.After!.Value.Copying)),
                ["every webhook replied"] = FaultReport.Seconds(allReplied) + " after the last restart",
            });
            report.Assert();
            Assert.True(kills.Count(k => k.Landed) > 0, $"no kill landed while a checkpoint was running, so this proved nothing about checkpoints: {report}");
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal("ok", await IntegrityCheckAsync(file));
    }

    /// <summary>
    /// Polls the shared index until a checkpoint is under way (attempted beyond done), as fast as a
    /// read of 136 bytes goes: an automatic checkpoint of 1,000 pages lasts milliseconds, mostly its fsyncs.
    /// </summary>
    private static WalIndex? WaitForCheckpoint(string shm, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !Ct.IsCancellationRequested)
        {
            if (WalIndex.Read(shm) is { Checkpointing: true } index)
            {
                return index;
            }

            Thread.Sleep(0);
        }

        return null;
    }

    private static async Task<string> IntegrityCheckAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <param name="Seen">The index when the test decided to kill (null: no checkpoint seen in time, killed anyway).</param>
    /// <param name="After">The index once the process was gone.</param>
    private sealed record CheckpointKill(WalIndex? Seen, WalIndex? After)
    {
        public bool Landed => Seen is not null && After is { Checkpointing: true };
    }

    /// <summary>
    /// The parts of SQLite's WAL index (the <c>-shm</c> file, shared memory every connection maps)
    /// that tell a checkpoint's progress: the log's last frame (mxFrame, WalIndexHdr at offset 16),
    /// the frames copied into the database (nBackfill, WalCkptInfo at 96) and the frames the running
    /// checkpoint means to copy (nBackfillAttempted, at 128). Native byte order (see sqlite's wal.c).
    /// </summary>
    private readonly record struct WalIndex(uint LastFrame, uint Copied, uint Attempted)
    {
        public bool Checkpointing => Attempted > Copied && LastFrame > Copied;

        /// <summary>The frames the running checkpoint copies (some may be in the database file already: the end is recorded once).</summary>
        public uint Copying => Attempted - Copied;

        public static WalIndex? Read(string shm)
        {
            Span<byte> bytes = stackalloc byte[136];
            try
            {
                using SafeFileHandle handle = File.OpenHandle(shm, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                if (RandomAccess.Read(handle, bytes, 0) < bytes.Length)
                {
                    return null;
                }
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
            {
                return null;
            }

            return new WalIndex(
                BinaryPrimitives.ReadUInt32LittleEndian(bytes[16..]),
                BinaryPrimitives.ReadUInt32LittleEndian(bytes[96..]),
                BinaryPrimitives.ReadUInt32LittleEndian(bytes[128..]));
        }
    }
}
