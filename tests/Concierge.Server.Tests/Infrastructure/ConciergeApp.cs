using System.Net.Http.Headers;
using Concierge.Agents;
using Concierge.Server.Accounts;
using Concierge.Tenants;
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
    /// <summary>The SECRET_KEY every test app signs tokens with (a test may override it through settings).</summary>
    public const string TestSecretKey = "test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    public string DatabaseUrl { get; } = databaseUrl;

    /// <summary>Every log line the app wrote, at every level.</summary>
    public CollectedLogs Logs { get; } = new();

    /// <summary>When set, replaces the system clock so tests can move time.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Extra registrations (a test's job handler, say), added after the app's own.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    private bool _listening;
    private Uri? _address;

    /// <summary>
    /// Serves the app on a real loopback port (Kestrel instead of the in-memory test server: what a
    /// browser needs) and returns its address, "http://127.0.0.1:PORT/". Call before any client is
    /// made; the app's clients (<see cref="Client"/>, <see cref="ClientAs"/>) then use the port too.
    /// </summary>
    public Uri StartListening()
    {
        _listening = true;
        UseKestrel();
        StartServer();
        return _address = ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (_listening)
        {
            builder.UseSetting("urls", "http://127.0.0.1:0");
        }

        builder.UseSetting("DATABASE_URL", DatabaseUrl);
        builder.UseSetting("OPENAI_API_KEY", string.Empty);
        builder.UseSetting("SECRET_KEY", TestSecretKey);

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

    /// <summary>A client signed in as an operator of the tenant (the demo tenant by default), with a JWT the app issued.</summary>
    public HttpClient OperatorClient(Guid? tenantId = null) => ClientAs(Role.Operator, tenantId);

    /// <summary>A client signed in as an admin of the tenant (the demo tenant by default).</summary>
    public HttpClient AdminClient(Guid? tenantId = null) => ClientAs(Role.Admin, tenantId);

    /// <summary>
    /// A client with a JWT for a new user of <paramref name="role"/> in the tenant, stored as the
    /// admin API stores one (the server refuses a token whose user does not exist); a customer's
    /// customer id is the user's id.
    /// </summary>
    public HttpClient ClientAs(Role role, Guid? tenantId = null) => WithBearer(Services.GetRequiredService<AccessTokenIssuer>().Issue(AddUser(role, tenantId)));

    /// <summary>A client with a JWT for the stored user <paramref name="userId"/> (from <see cref="AddUser"/>).</summary>
    public HttpClient ClientFor(Guid userId)
    {
        var user = Task.Run(() => Services.GetRequiredService<IAccountStore>().FindUserAsync(userId, CancellationToken.None)).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"No user {userId}: make one with AddUser.");
        return WithBearer(Services.GetRequiredService<AccessTokenIssuer>().Issue(user));
    }

    /// <summary>A stored user of the tenant (the password is not usable: sign in with a token from <see cref="ClientAs"/>).</summary>
    public User AddUser(Role role, Guid? tenantId = null)
    {
        var store = Services.GetRequiredService<IAccountStore>();
        var username = $"test-{role.ToWire()}-{Guid.NewGuid():N}@example.com";
        return Task.Run(() => store.AddUserAsync(tenantId ?? DemoTenant.TenantId, username, "not-a-password-hash", role, CancellationToken.None)).GetAwaiter().GetResult();
    }

    /// <summary>A client that sends <paramref name="credential"/> (a JWT or an API key) as its bearer token.</summary>
    public HttpClient WithBearer(string credential)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return client;
    }

    /// <summary>A new API key of the tenant (stored, as the admin API makes one) and a client that uses it.</summary>
    public async Task<(ApiKey Key, HttpClient Client)> ApiKeyClientAsync(Role role, Guid? tenantId = null)
    {
        var (key, secret) = await Services.GetRequiredService<AccountService>().AddKeyAsync(tenantId ?? DemoTenant.TenantId, "test key", role.ToWire(), CancellationToken.None);
        return (key, WithBearer(secret));
    }

    /// <summary>A new tenant (with the stock agents), as <c>tenants add</c> makes one.</summary>
    public Task<Tenant> AddTenantAsync(string slug) =>
        Services.GetRequiredService<AccountService>().AddTenantAsync(slug, null, CancellationToken.None);

    /// <summary>A client that does not follow redirects, and sends no default JSON headers, so tests see exactly what they send.</summary>
    public HttpClient Client() => _address is null
        ? CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
        : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = _address });
}
