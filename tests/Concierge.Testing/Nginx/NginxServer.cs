using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Concierge.Testing.Nginx;

/// <summary>
/// A throwaway nginx (Debian's package) in a temporary folder, running a site configuration file
/// (deploy/nginx/concierge.conf) as shipped, with only what a test must change substituted: its
/// upstream servers by the test's server processes, its listen ports (443 and 80) by free loopback
/// ports, and its certificate paths by a test CA's (<see cref="Tls"/>). Stopped (and the folder
/// deleted) on dispose. <see cref="Find"/> is null when nginx is missing: a test skips then, except
/// under CI=true, where a missing nginx is a failure.
/// </summary>
public sealed partial class NginxServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly StringBuilder _log = new();
    private Process? _process;

    private NginxServer(string folder, int port, int httpPort, TestTls tls)
    {
        _folder = folder;
        Port = port;
        HttpPort = httpPort;
        Tls = tls;
    }

    /// <summary>The https port (443 in the file).</summary>
    public int Port { get; }

    /// <summary>The plain http port (80 in the file): redirects and ACME challenges only.</summary>
    public int HttpPort { get; }

    public TestTls Tls { get; }

    public Uri BaseUrl => new($"https://127.0.0.1:{Port}");

    public Uri HttpUrl => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>The WebSocket address of <paramref name="path"/> through the proxy (wss).</summary>
    public Uri WebSocketUrl(string path) => new($"wss://127.0.0.1:{Port}{path}");

    /// <summary>A client of <see cref="BaseUrl"/> that trusts the test CA and nothing else besides.</summary>
    public HttpClient Client(TimeSpan? timeout = null) =>
        new(Tls.Handler()) { BaseAddress = BaseUrl, Timeout = timeout ?? TimeSpan.FromSeconds(60) };

    /// <summary>deploy/nginx/concierge.conf of this checkout, found above the test's folder.</summary>
    public static string ShippedSite()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "deploy", "nginx", "concierge.conf");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("deploy/nginx/concierge.conf was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The nginx binary, or null when none is installed.</summary>
    public static string? Find() => new[] { "/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx" }.FirstOrDefault(File.Exists);

    /// <summary>
    /// nginx running <paramref name="siteConfig"/> (a file of the http context) with its upstream
    /// servers replaced by 127.0.0.1 and each of <paramref name="upstreamPorts"/>, its listen ports by
    /// free loopback ports and its certificates by a new test CA's; each of
    /// <paramref name="overrides"/> replaces a directive's value ("proxy_read_timeout" → "1s").
    /// Null (skip) when nginx is missing outside CI; throws under CI.
    /// </summary>
    public static async Task<NginxServer?> StartOrSkipAsync(
        string siteConfig, IReadOnlyList<int> upstreamPorts, IReadOnlyDictionary<string, string>? overrides = null, CancellationToken cancellationToken = default)
    {
        var binary = Find();
        if (binary is null)
        {
            return string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException("nginx is not installed (apt-get install nginx); under CI=true that is a failure, not a skip.")
                : null;
        }

        var folder = Directory.CreateTempSubdirectory("concierge-nginx-").FullName;
        var server = new NginxServer(folder, FreePort(), FreePort(), TestTls.Create(folder));
        var site = await File.ReadAllTextAsync(siteConfig, cancellationToken);
        site = Upstreams(site, upstreamPorts);
        site = Listen().Replace(site, m => $"listen 127.0.0.1:{server.PortFor(m.Groups["port"].Value)}{m.Groups["flags"].Value};");
        var directives = new Dictionary<string, string>
        {
            ["ssl_certificate"] = server.Tls.CertificateFile,
            ["ssl_certificate_key"] = server.Tls.KeyFile,
        };
        foreach (var (directive, value) in overrides ?? new Dictionary<string, string>())
        {
            directives[directive] = value;
        }

        foreach (var (directive, value) in directives)
        {
            site = Regex.Replace(site, $@"(?m)^(\s*{Regex.Escape(directive)})\s+[^;]+;", $"$1 {value};");
        }

        await server.StartProcessAsync(binary, site, cancellationToken);
        return server;
    }

    // The file's upstream lists every instance: the first server line becomes the test's list, the rest go.
    private static string Upstreams(string site, IReadOnlyList<int> ports)
    {
        var first = true;
        return UpstreamServer().Replace(site, _ =>
        {
            var replacement = first ? string.Join(" ", ports.Select(p => $"server 127.0.0.1:{p};")) : string.Empty;
            first = false;
            return replacement;
        });
    }

    private int PortFor(string shipped) => shipped switch
    {
        "443" => Port,
        "80" => HttpPort,
        _ => throw new InvalidOperationException($"The site configuration listens on {shipped}; the test knows 443 (https) and 80 (http)."),
    };

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

        Tls.Dispose();
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

    [GeneratedRegex(@"listen\s+(?:[^;\s]*:)?(?<port>[0-9]+)(?<flags>[^;]*);")]
    private static partial Regex Listen();
}
