using Concierge.Configuration;

namespace Concierge.Server.Analytics;

public static class AnalyticsSetup
{
    public const string FlushIntervalKey = "Concierge:Analytics:RejectionsFlushInterval";

    /// <summary>The rate-limit rejection counter (in memory) and the service that writes its counts.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        var interval = Settings.Duration(configuration, FlushIntervalKey, RateLimitRejectionsFlusher.DefaultInterval);
        if (interval < TimeSpan.FromMilliseconds(10) || interval > TimeSpan.FromHours(1))
        {
            throw new InvalidSettingException(FlushIntervalKey, "must be between 10ms and 1h");
        }

        services.AddSingleton<RateLimitRejections>();
        services.AddHostedService(sp => new RateLimitRejectionsFlusher(
            sp.GetRequiredService<RateLimitRejections>(), interval, sp.GetRequiredService<ILogger<RateLimitRejectionsFlusher>>()));
        return services;
    }
}
