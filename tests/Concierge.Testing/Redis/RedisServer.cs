using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Concierge.Testing.Redis;

/// <summary>
/// A throwaway redis-server (Debian's package) on a free loopback port, persistence off, in a
/// temporary folder; stopped (and the folder deleted) on dispose. <see cref="StopAsync"/> stops it
/// early, for tests of what happens when Redis goes away. <see cref="Find"/> is null when the
/// binary is missing: a test skips then, except under CI=true, where a missing Redis is a failure.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly StringBuilder _log = new();
    private Process? _process;

    private RedisServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"redis://127.0.0.1:{Port}";

    /// <summary>The redis-server binary, or null when none is installed.</summary>
    public static string? Find() =>
        new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    /// <summary>A running server, or null (skip) when the binary is missing outside CI; throws under CI.</summary>
    public static async Task<RedisServer?> StartOrSkipAsync(CancellationToken cancellationToken = default)
    {
        var binary = Find();
        if (binary is null)
        {
            return string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException("redis-server is not installed (apt-get install redis-server); under CI=true that is a failure, not a skip.")
                : null;
        }

        var server = new RedisServer(Directory.CreateTempSubdirectory("concierge-redis-").FullName, FreePort());
        await server.StartProcessAsync(binary, cancellationToken);
        return server;
    }

    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the server again on the same port after <see cref="StopAsync"/> (empty: persistence is off).</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("redis-server is still running.");
        }

        await StartProcessAsync(Find()!, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StartProcessAsync(string binary, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder, "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException)
            {
            }

            await Task.Delay(50, cancellationToken);
        }

        string output;
        lock (_log)
        {
            output = _log.ToString();
        }

        await StopAsync();
        throw new InvalidOperationException($"redis-server did not start on port {Port}:{Environment.NewLine}{output}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
