using Concierge.Server.Jobs;

namespace Concierge.Server.Channels;

/// <summary>Registers the channels: settings, the secrets' key ring, the account directory, the webhooks' intake, the senders and the two job handlers.</summary>
public static class ChannelsSetup
{
    /// <summary>Reads and checks the channel settings now: a bad one throws before the host starts.</summary>
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = ChannelSettings.Bind(configuration);
        services.AddSingleton(settings);
        services.AddSecretProtection(settings);
        services.AddSingleton<ChannelAccountDirectory>();
        services.AddSingleton<ChannelIntake>();
        services.AddSingleton<TwilioRestClient>();
        services.AddJobHandler<ChannelInboundHandler>();
        services.AddJobHandler<ChannelSendHandler>();
        services.AddHttpClient(TwilioRestClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
            .RedactLoggedHeaders(_ => true);
        return services;
    }

    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder routes)
    {
        routes.MapChannelAccounts();
        routes.MapOutbound();
        routes.MapTwilioWebhooks();
        return routes;
    }
}
