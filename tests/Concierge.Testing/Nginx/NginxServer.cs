using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Concierge.Testing.Nginx;

/// <summary>
/// A throwaway nginx (Debian's package) on a free loopback port, in a temporary folder, running a
/// site configuration file (deploy/nginx/concierge.conf) with its upstream pointed at a test's
/// server; stopped (and the folder deleted) on dispose. <see cref="Find"/> is null when nginx is
/// missing: a test skips then, except under CI=true, where a missing nginx is a failure.
/// </summary>
public sealed partial class NginxServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly StringBuilder _log = new();
    private Process? _process;

    private NginxServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}");

    /// <summary>The nginx binary, or null when none is installed.</summary>
    public static string? Find() => new[] { "/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx" }.FirstOrDefault(File.Exists);

    /// <summary>
    /// nginx running <paramref name="siteConfig"/> (a file of the http context) with its upstream
    /// servers replaced by 127.0.0.1:<paramref name="upstreamPort"/> and its listen by a free
    /// loopback port; each of <paramref name="overrides"/> replaces a directive's value
    /// ("proxy_read_timeout" → "1s"). Null (skip) when nginx is missing outside CI; throws under CI.
    /// </summary>
    public static async Task<NginxServer?> StartOrSkipAsync(
        string siteConfig, int upstreamPort, IReadOnlyDictionary<string, string>? overrides = null, CancellationToken cancellationToken = default)
    {
        var binary = Find();
        if (binary is null)
        {
            return string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException("nginx is not installed (apt-get install nginx); under CI=true that is a failure, not a skip.")
                : null;
        }

        var server = new NginxServer(Directory.CreateTempSubdirectory("concierge-nginx-").FullName, FreePort());
        var site = await File.ReadAllTextAsync(siteConfig, cancellationToken);
        site = UpstreamServer().Replace(site, $"server 127.0.0.1:{upstreamPort};");
        site = Listen().Replace(site, $"listen 127.0.0.1:{server.Port};");
        foreach (var (directive, value) in overrides ?? new Dictionary<string, string>())
        {
            site = Regex.Replace(site, $@"(?m)^(\s*{Regex.Escape(directive)})\s+[^;]+;", $"$1 {value};");
        }

        await server.StartProcessAsync(binary, site, cancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }

            _process.Dispose();
            _process = null;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StartProcessAsync(string binary, string site, CancellationToken cancellationToken)
    {
        var f = _folder;
        await File.WriteAllTextAsync(Path.Combine(f, "site.conf"), site, cancellationToken);
        var main = $$"""
            daemon off;
            master_process on;
            worker_processes 1;
            pid {{f}}/nginx.pid;
            error_log {{f}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{f}}/client_body;
                proxy_temp_path {{f}}/proxy;
                fastcgi_temp_path {{f}}/fastcgi;
                uwsgi_temp_path {{f}}/uwsgi;
                scgi_temp_path {{f}}/scgi;
                include {{f}}/site.conf;
            }
            """;
        await File.WriteAllTextAsync(Path.Combine(f, "nginx.conf"), main, cancellationToken);
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = f,
        };
        foreach (var argument in new[] { "-p", f, "-c", Path.Combine(f, "nginx.conf"), "-e", Path.Combine(f, "error.log") })
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
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        var log = File.Exists(Path.Combine(f, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(f, "error.log"), cancellationToken) : string.Empty;
        string output;
        lock (_log)
        {
            output = _log.ToString();
        }

        await DisposeAsync();
        throw new InvalidOperationException($"nginx did not start on port {Port}:{Environment.NewLine}{output}{log}");
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

    [GeneratedRegex(@"server\s+[0-9.]+:[0-9]+\s*;")]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"listen\s+[^;]+;")]
    private static partial Regex Listen();
}
