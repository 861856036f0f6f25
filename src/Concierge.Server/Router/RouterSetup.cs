using Concierge.Shops;
using Concierge.Storage.Shops;

namespace Concierge.Server.Router;

public static class RouterSetup
{
    /// <summary>The router's settings, and its analytics through the queue that keeps search writes off the request path.</summary>
    public static IServiceCollection AddRouter(this IServiceCollection services, IConfiguration configuration)
    {
        RouterSettings.Validate(configuration);
        services.AddSingleton<RouterSettings>();
        services.AddSingleton(sp => new RouterAnalyticsQueue(sp.GetRequiredService<SqlRouterAnalytics>(), sp.GetRequiredService<ILogger<RouterAnalyticsQueue>>()));
        services.AddSingleton<IRouterAnalytics>(sp => sp.GetRequiredService<RouterAnalyticsQueue>());
        var interval = configuration.GetValue("Concierge:Router:AnalyticsFlushInterval", RouterAnalyticsFlusher.DefaultInterval);
        if (interval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"Concierge:Router:AnalyticsFlushInterval must be a positive time span, got {interval}.");
        }

        services.AddHostedService(sp => new RouterAnalyticsFlusher(sp.GetRequiredService<RouterAnalyticsQueue>(), interval, sp.GetRequiredService<ILogger<RouterAnalyticsFlusher>>()));
        return services;
    }
}
