using System.Globalization;
using Concierge.Server.Tests.Faults;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.Nginx;
using Concierge.Testing.Redis;

namespace Concierge.Server.Tests.Deployment;

/// <summary>
/// The production set-up of docs/operations.md on one machine: two Concierge processes on one
/// PostgreSQL database and one Redis, behind the real nginx running deploy/nginx/concierge.conf as
/// shipped (only ports, certificates and the upstream list substituted) with a test CA's
/// certificate. Offline agents only: no model is configured. <see cref="Skipped"/> when nginx or
/// Redis is not installed (outside CI).
/// </summary>
public sealed class DeployedConcierge : IAsyncLifetime
{
    private RedisServer? _redis;

    public FaultInstances Instances { get; private set; } = null!;

    public NginxServer Nginx { get; private set; } = null!;

    /// <summary>An anonymous client of the proxy (https, trusting the test CA).</summary>
    public HttpClient Public { get; private set; } = null!;

    /// <summary>An operator of the demo tenant, through the proxy.</summary>
    public HttpClient Operator { get; private set; } = null!;

    public bool Skipped { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartOrSkipAsync(TestContext.Current.CancellationToken);
        if (_redis is null || NginxServer.Find() is null)
        {
            // Redis's own start already throws under CI; nginx's is only started below.
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("nginx is not installed (apt-get install nginx); under CI=true that is a failure, not a skip.");
            }

            Skipped = true;
            return;
        }

        Instances = await FaultInstances.StartAsync(await TestDatabase.CreateAsync(DatabaseKind.Postgres), new Dictionary<string, string>
        {
            ["REDIS_URL"] = _redis.Url,
            // The default per-caller limit off: the load below is one caller; the login route keeps its own limit.
            ["RATE_LIMIT_PER_MINUTE"] = "0",
            ["Concierge__Http__KnownProxies"] = "127.0.0.1",
        });
        Nginx = (await NginxServer.StartOrSkipAsync(NginxServer.ShippedSite(), [.. Instances.Processes.Select(p => p.Port)], cancellationToken: TestContext.Current.CancellationToken))!;
        Public = Nginx.Client();
        Operator = Through(Instances.Operators[1]);
    }

    /// <summary>A client of the proxy signed in as <paramref name="direct"/> is (an instance's operator client).</summary>
    public HttpClient Through(HttpClient direct)
    {
        var client = Nginx.Client();
        client.DefaultRequestHeaders.Authorization = direct.DefaultRequestHeaders.Authorization;
        return client;
    }

    /// <summary>How many requests to <paramref name="route"/> instance <paramref name="instance"/> has served, from its own /metrics.</summary>
    public async Task<long> ServedAsync(int instance, string route)
    {
        var text = await Instances.Processes[instance].Http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        return text.Split('\n')
            .Where(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && l.Contains($"http_route=\"{route}\"", StringComparison.Ordinal))
            .Sum(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        Public?.Dispose();
        Operator?.Dispose();
        if (Nginx is not null)
        {
            await Nginx.DisposeAsync();
        }

        Instances?.Dispose();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
