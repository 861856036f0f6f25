using Concierge.Configuration;
using Concierge.Shops;
using Concierge.Storage.Shops;

namespace Concierge.Server.Router;

public static class RouterSetup
{
    public const string FlushIntervalKey = "Concierge:Router:AnalyticsFlushInterval";

    /// <summary>The router's settings, and its analytics through the queue that keeps search writes off the request path.</summary>
    public static IServiceCollection AddRouter(this IServiceCollection services, IConfiguration configuration)
    {
        RouterSettings.Validate(configuration);
        services.AddSingleton<RouterSettings>();
        services.AddSingleton(sp => new RouterAnalyticsQueue(sp.GetRequiredService<SqlRouterAnalytics>(), sp.GetRequiredService<ILogger<RouterAnalyticsQueue>>()));
        services.AddSingleton<IRouterAnalytics>(sp => sp.GetRequiredService<RouterAnalyticsQueue>());
        var interval = Settings.Duration(configuration, FlushIntervalKey, RouterAnalyticsFlusher.DefaultInterval);
        if (interval < TimeSpan.FromMilliseconds(10) || interval > TimeSpan.FromHours(1))
        {
            throw new InvalidSettingException(FlushIntervalKey, "must be between 10ms and 1h");
        }

        services.AddHostedService(sp => new RouterAnalyticsFlusher(sp.GetRequiredService<RouterAnalyticsQueue>(), interval, sp.GetRequiredService<ILogger<RouterAnalyticsFlusher>>()));
        return services;
    }
}
