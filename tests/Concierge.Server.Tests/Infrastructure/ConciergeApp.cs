using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Concierge.Server.Tests.Infrastructure;

/// <summary>
/// Concierge in process, configured only through settings, exactly as an operator would configure
/// it (DATABASE_URL, OPENAI_* ...). Two instances on the same database behave like two processes.
/// </summary>
public sealed class ConciergeApp(string databaseUrl, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public string DatabaseUrl { get; } = databaseUrl;

    /// <summary>Every log line the app wrote, at every level.</summary>
    public CollectedLogs Logs { get; } = new();

    /// <summary>When set, replaces the system clock so tests can move time.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Extra registrations (a test's job handler, say), added after the app's own.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DATABASE_URL", DatabaseUrl);
        builder.UseSetting("OPENAI_API_KEY", string.Empty);

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        if (Clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(Clock));
        }

        if (TestServices is not null)
        {
            builder.ConfigureServices(TestServices);
        }
    }

    /// <summary>A client that does not follow redirects, and sends no default JSON headers, so tests see exactly what they send.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
