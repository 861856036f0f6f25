using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Concierge.Agents;
using Concierge.Server.Accounts;
using Concierge.Server.Configuration;
using Concierge.Tenants;
using Concierge.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace Concierge.Server.Tests.Infrastructure;

/// <summary>
/// The built server as a real process (<c>dotnet Concierge.Server.dll</c>) on a free loopback port,
/// configured by environment variables alone, as an operator runs it. Disposing kills it.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "Concierge.Server.dll");

    private ServerProcess(Process process, int port, string databaseUrl)
    {
        DatabaseUrl = databaseUrl;
        Process = process;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public Process Process { get; }

    public int Port { get; }

    public HttpClient Http { get; }

    public int Id => Process.Id;

    public string DatabaseUrl { get; }

    /// <summary>What the process wrote to stdout and stderr, line by line, when started with <c>captureOutput</c>.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = new();

    /// <summary>
    /// A client signed in as a new operator of the tenant (demo by default), stored in the process's
    /// database (a token must name a user that exists), with a token the process accepts. The token
    /// lasts a day: the long soak's checker reads back for more than the default hour.
    /// </summary>
    public HttpClient OperatorClient(Guid? tenantId = null)
    {
        var configuration = SeedAliases.Build(new ConfigurationBuilder()
            .AddInMemoryCollection([
                new("SECRET_KEY", ConciergeApp.TestSecretKey), new("DATABASE_URL", DatabaseUrl), new("Concierge:Auth:TokenLifetime", "1.00:00:00")]));
        var issuer = new AccessTokenIssuer(AuthSettings.Bind(configuration, new HostingEnvironment { EnvironmentName = "Production" }));
        var user = Task.Run(async () =>
        {
            await using var services = new ServiceCollection().AddLogging().AddConciergeStorage(configuration).BuildServiceProvider();
            var store = services.GetRequiredService<IAccountStore>();
            return await store.AddUserAsync(tenantId ?? DemoTenant.TenantId, $"operator-{Guid.NewGuid():N}@example.com", "not-a-password-hash", Role.Operator, CancellationToken.None);
        }).GetAwaiter().GetResult();
        var client = new HttpClient { BaseAddress = Http.BaseAddress, Timeout = Http.Timeout };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", issuer.Issue(user));
        return client;
    }

    /// <summary>Starts the server on <paramref name="databaseUrl"/> with <paramref name="environment"/> added, without waiting for it.</summary>
    public static ServerProcess Start(string databaseUrl, IReadOnlyDictionary<string, string>? environment = null, bool captureOutput = false)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [ServerDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = captureOutput,
            RedirectStandardError = captureOutput,
        };
        start.Environment["DATABASE_URL"] = databaseUrl;
        start.Environment["SECRET_KEY"] = ConciergeApp.TestSecretKey;
        start.Environment["LOG_LEVEL"] = "CRITICAL";
        start.Environment.Remove("OPENAI_API_KEY");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var server = new ServerProcess(Process.Start(start)!, port, databaseUrl);
        if (captureOutput)
        {
            server.Process.OutputDataReceived += (_, e) => { if (e.Data is not null) { server.Output.Enqueue(e.Data); } };
            server.Process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { server.Output.Enqueue(e.Data); } };
            server.Process.BeginOutputReadLine();
            server.Process.BeginErrorReadLine();
        }

        return server;
    }

    /// <summary>Starts the server and waits until it is ready.</summary>
    public static async Task<ServerProcess> StartReadyAsync(string databaseUrl, IReadOnlyDictionary<string, string>? environment = null, bool captureOutput = false)
    {
        var server = Start(databaseUrl, environment, captureOutput);
        await server.WaitForReadyAsync();
        return server;
    }

    public async Task WaitForReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await Http.GetAsync("/health/ready", TestContext.Current.CancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline || Process.HasExited)
            {
                Assert.Fail($"The server on port {Port} did not become ready.");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>kill -9: no shutdown hook runs, nothing is flushed.</summary>
    public async Task KillAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        await Process.WaitForExitAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }

        Http.Dispose();
        Process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
