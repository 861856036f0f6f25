using Concierge.Server.Configuration;

namespace Concierge.Server.RateLimits;

/// <summary>Registers the counter: Redis when REDIS_URL is set, else this process's memory.</summary>
public static class RateLimitSetup
{
    public static IServiceCollection AddConciergeRateLimits(this IServiceCollection services, RateLimitSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<LocalRateCounter>();
        if (settings.RedisUrl is { } url)
        {
            services.AddSingleton(sp => new RedisRateCounter(url, settings.RejectWhenRedisDown, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RedisRateCounter>>()));
            services.AddSingleton<IRateCounter>(sp => sp.GetRequiredService<RedisRateCounter>());
        }
        else
        {
            services.AddSingleton<IRateCounter>(sp => sp.GetRequiredService<LocalRateCounter>());
        }

        return services;
    }
}
