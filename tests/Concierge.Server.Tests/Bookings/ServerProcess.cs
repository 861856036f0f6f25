using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Concierge.Server.Tests.Bookings;

/// <summary>A real <c>dotnet Concierge.Server.dll</c> process on a free loopback port, killed on dispose.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "Concierge.Server.dll");

    private readonly Process _process;

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public HttpClient Client { get; }

    public static async Task<ServerProcess> StartAsync(string databaseUrl, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [ServerDll, "--urls", $"http://127.0.0.1:{port}"]);
        start.Environment["DATABASE_URL"] = databaseUrl;
        start.Environment["LOG_LEVEL"] = "CRITICAL";
        start.Environment.Remove("OPENAI_API_KEY");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var server = new ServerProcess(Process.Start(start)!, port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await server.Client.GetAsync("/health/ready", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                await server.DisposeAsync();
                Assert.Fail($"The server on port {port} did not become ready.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
