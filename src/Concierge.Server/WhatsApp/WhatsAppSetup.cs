using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Concierge.Server.WhatsApp;

/// <summary>Registers the WhatsApp accounts and the Graph API client (the template store is storage's).</summary>
public static class WhatsAppSetup
{
    /// <summary>Reads and checks the WhatsApp settings now: a bad one throws <see cref="Configuration.InvalidSettingException"/> before the host starts.</summary>
    public static IServiceCollection AddWhatsApp(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = WhatsAppSettings.Bind(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.TryAddSingleton<IWhatsAppAccounts, ConfiguredWhatsAppAccounts>();
        services.AddSingleton<GraphApiClient>();

        // The per-call timeout is the account's (GraphApiClient); HttpClient's own must not cut in first.
        // Header values are never logged (the Authorization header carries the access token).
        services.AddHttpClient(GraphApiClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
            .RedactLoggedHeaders(_ => true);
        return services;
    }
}
