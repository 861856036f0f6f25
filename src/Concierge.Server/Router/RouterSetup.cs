using Concierge.Configuration;
using Concierge.Server.Analytics;
using Concierge.Shops;
using Concierge.Storage.Shops;

namespace Concierge.Server.Router;

public static class RouterSetup
{
    public const string FlushIntervalKey = "Concierge:Router:AnalyticsFlushInterval";

    public static readonly TimeSpan DefaultFlushInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The router's settings, and its analytics through the queue that keeps search writes off the request path.</summary>
    public static IServiceCollection AddRouter(this IServiceCollection services, IConfiguration configuration)
    {
        RouterSettings.Validate(configuration);
        services.AddSingleton<RouterSettings>();
        services.AddSingleton(sp => new RouterAnalyticsQueue(sp.GetRequiredService<SqlRouterAnalytics>(), sp.GetRequiredService<ILogger<RouterAnalyticsQueue>>()));
        services.AddSingleton<IRouterAnalytics>(sp => sp.GetRequiredService<RouterAnalyticsQueue>());
        var interval = WriteBufferFlusher<RouterAnalyticsQueue>.Interval(configuration, FlushIntervalKey, DefaultFlushInterval);
        services.AddHostedService(sp => new WriteBufferFlusher<RouterAnalyticsQueue>(
            sp.GetRequiredService<RouterAnalyticsQueue>(), "queued router searches", interval, sp.GetRequiredService<ILogger<WriteBufferFlusher<RouterAnalyticsQueue>>>()));
        return services;
    }
}
