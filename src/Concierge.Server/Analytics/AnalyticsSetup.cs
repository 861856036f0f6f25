namespace Concierge.Server.Analytics;

public static class AnalyticsSetup
{
    public const string FlushIntervalKey = "Concierge:Analytics:RejectionsFlushInterval";

    public static readonly TimeSpan DefaultFlushInterval = TimeSpan.FromSeconds(5);

    /// <summary>The rate-limit rejection counter (in memory) and the service that writes its counts.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        var interval = WriteBufferFlusher<RateLimitRejections>.Interval(configuration, FlushIntervalKey, DefaultFlushInterval);
        services.AddSingleton<RateLimitRejections>();
        services.AddHostedService(sp => new WriteBufferFlusher<RateLimitRejections>(
            sp.GetRequiredService<RateLimitRejections>(), "rate-limit rejections", interval, sp.GetRequiredService<ILogger<WriteBufferFlusher<RateLimitRejections>>>()));
        return services;
    }
}
