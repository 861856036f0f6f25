using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Concierge.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster: initdb into a temporary folder, postgres on a free loopback
/// port with durability off (fsync=off: a test cluster need not survive a crash), stopped and
/// deleted on dispose. postgres refuses to run as root, so as root the folder is given to the
/// "postgres" user and the binaries run under it through setpriv (which execs, so the process we
/// hold is postgres itself and a signal reaches it directly).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string SuperUser = "postgres";

    private readonly string _folder;
    private readonly StringBuilder _log;
    private Process _process;
    private Func<Process>? _relaunch;
    private int _disposed;

    private PostgresServer(Process process, string folder, int port, StringBuilder log)
    {
        _process = process;
        _folder = folder;
        Port = port;
        _log = log;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>A connection string to the "postgres" maintenance database as the superuser.</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = SuperUser,
        Database = database,
        Pooling = true,
    }.ConnectionString;

    public string UrlFor(string database) => $"postgresql://{SuperUser}@{Host}:{Port}/{database}";

    /// <summary>Creates an empty database with a unique name and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = "test_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The name is ours (hex digits), so it can be spliced in: CREATE DATABASE takes no parameters.
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return name;
    }

    /// <summary>Starts a cluster; throws with postgres's own output when it does not come up.</summary>
    public static Task<PostgresServer> StartAsync(PostgresBinaries binaries, CancellationToken cancellationToken = default) =>
        StartAsync(binaries, crashSafe: false, cancellationToken);

    /// <summary>
    /// Starts a cluster. <paramref name="crashSafe"/> keeps <c>synchronous_commit</c> on, so a commit
    /// PostgreSQL acknowledged is in the log before the client hears of it and survives
    /// <see cref="CrashAsync"/> (fsync stays off: the operating system does not crash, only postgres).
    /// </summary>
    public static async Task<PostgresServer> StartAsync(PostgresBinaries binaries, bool crashSafe, CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("concierge-pg-").FullName;
        try
        {
            var asRoot = IsRoot();
            string? ids = null;
            if (asRoot)
            {
                ids = await PostgresUserIdsAsync(cancellationToken);
                await RunAsync("chown", ["-R", ids, folder], cancellationToken);
            }

            var data = Path.Combine(folder, "data");
            await RunAsync(
                binaries.InitDb,
                ["-D", data, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"],
                cancellationToken,
                ids);

            // A port picked by the OS can be taken before postgres binds it: retry a few times.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                var log = new StringBuilder();
                string[] arguments =
                [
                    "-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={folder}",
                    "-c", "fsync=off", "-c", crashSafe ? "synchronous_commit=on" : "synchronous_commit=off", "-c", "full_page_writes=off",
                    "-c", "max_connections=300", "-c", "shared_buffers=32MB",
                ];
                var server = new PostgresServer(Launch(binaries.Postgres, ids, log, arguments), folder, port, log);
                server._relaunch = () => Launch(binaries.Postgres, ids, log, arguments);
                if (await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), cancellationToken))
                {
                    return server;
                }

                var output = server.Output();
                await server.StopProcessAsync();
                if (attempt >= 3 || !output.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"PostgreSQL did not start on port {port}:{Environment.NewLine}{output}");
                }
            }
        }
        catch
        {
            TryDelete(folder);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await StopProcessAsync();
        TryDelete(_folder);
    }

    /// <summary>
    /// PostgreSQL's crash: an immediate shutdown (SIGQUIT), every backend gone at once with no
    /// checkpoint, so the next start replays the log. Clients see their connections drop and new
    /// ones refused until <see cref="StartAgainAsync"/>.
    /// </summary>
    public Task CrashAsync() => SignalAndWaitAsync("QUIT");

    /// <summary>Starts postgres again on the same data folder and port (after <see cref="CrashAsync"/>): crash recovery, then ready.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (!_process.HasExited)
        {
            throw new InvalidOperationException("PostgreSQL is still running.");
        }

        _process.Dispose();
        _process = _relaunch!();
        if (!await WaitUntilReadyAsync(TimeSpan.FromSeconds(60), cancellationToken))
        {
            throw new InvalidOperationException($"PostgreSQL did not come back on port {Port}:{Environment.NewLine}{Output()}");
        }
    }

    /// <summary>What postgres wrote so far (for failure messages).</summary>
    public string Output()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    private async Task<bool> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                return false;
            }

            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString + ";Pooling=false;Timeout=2");
                await connection.OpenAsync(cancellationToken);
                return true;
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        return false;
    }

    private async Task StopProcessAsync()
    {
        if (_process.HasExited)
        {
            _process.Dispose();
            return;
        }

        // SIGINT is postgres's "fast shutdown": it ends the sessions and exits cleanly, so no
        // shared memory or socket file is left behind.
        await SignalAndWaitAsync("INT");
        _process.Dispose();
    }

    /// <summary>Sends postgres a signal and waits for it to exit; killed if it has not within 15 s.</summary>
    private async Task SignalAndWaitAsync(string signal)
    {
        await SignalAsync(_process.Id, signal);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static Process Launch(string file, string? ids, StringBuilder log, IReadOnlyList<string> arguments)
    {
        var start = StartInfo(file, arguments, ids);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (log)
                {
                    log.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static ProcessStartInfo StartInfo(string file, IReadOnlyList<string> arguments, string? ids)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (ids is null)
        {
            start.FileName = file;
        }
        else
        {
            var (uid, gid) = (ids.Split(':')[0], ids.Split(':')[1]);
            start.FileName = "setpriv";
            foreach (var a in new[] { $"--reuid={uid}", $"--regid={gid}", "--clear-groups", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // initdb and postgres read these; as another user, root's HOME is not theirs to use.
        start.Environment["LC_ALL"] = "C";
        start.Environment["HOME"] = "/tmp";
        return start;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken, string? ids = null)
    {
        var log = new StringBuilder();
        using var process = Launch(file, ids, log, arguments);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode}:{Environment.NewLine}{log}");
        }
    }

    private static async Task<string> PostgresUserIdsAsync(CancellationToken cancellationToken)
    {
        async Task<string> IdAsync(string flag)
        {
            using var process = Process.Start(new ProcessStartInfo("id", [flag, SuperUser]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0
                ? output.Trim()
                : throw new InvalidOperationException("Running as root, but there is no 'postgres' user to run PostgreSQL as (the postgresql package creates it).");
        }

        return $"{await IdAsync("-u")}:{await IdAsync("-g")}";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot() => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private static async Task SignalAsync(int pid, string signal)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
            await kill.WaitForExitAsync(CancellationToken.None);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No kill(1): the forced stop after the timeout still ends postgres.
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
