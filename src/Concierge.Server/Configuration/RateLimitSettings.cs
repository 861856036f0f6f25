using System.Net;

namespace Concierge.Server.Configuration;

/// <summary>
/// Rate limits: the default per caller a minute (RATE_LIMIT_PER_MINUTE, 0 = off), Redis for limits
/// shared by every instance (REDIS_URL), what happens while Redis is unreachable
/// (<c>Concierge:RateLimits:RedisDown</c> = local | reject), and the proxies whose
/// X-Forwarded-For is believed (<c>Concierge:Http:KnownProxies</c>).
/// </summary>
public sealed record RateLimitSettings(int PerMinute, string? RedisUrl, bool RejectWhenRedisDown, IReadOnlyList<IPAddress> KnownProxies)
{
    public static readonly IReadOnlyList<SettingAlias> Aliases = [new("REDIS_URL", "Concierge:Redis:Url")];

    public static RateLimitSettings Bind(IConfiguration configuration, HttpSettings http)
    {
        var redis = Settings.String(configuration, "Concierge:Redis:Url");
        var down = (Settings.String(configuration, "Concierge:RateLimits:RedisDown") ?? "local").ToLowerInvariant();
        if (down is not ("local" or "reject"))
        {
            throw new InvalidSettingException("Concierge:RateLimits:RedisDown", $"must be local or reject, got '{down}'");
        }

        var proxies = new List<IPAddress>();
        foreach (var raw in (Settings.String(configuration, "Concierge:Http:KnownProxies") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            proxies.Add(IPAddress.TryParse(raw, out var address)
                ? address
                : throw new InvalidSettingException("Concierge:Http:KnownProxies", $"'{raw}' is not an IP address (a comma-separated list such as 10.0.0.5,10.0.0.6)"));
        }

        if (redis is not null)
        {
            try
            {
                _ = RateLimits.RedisRateCounter.Options(redis);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
            {
                throw new InvalidSettingException("REDIS_URL", "is not a Redis URL such as redis://localhost:6379 (or host:port)");
            }
        }

        return new RateLimitSettings(http.RateLimitPerMinute, redis, down == "reject", proxies);
    }
}
