using StackExchange.Redis;

namespace Concierge.Server.RateLimits;

/// <summary>
/// Fixed windows in Redis, shared by every instance: one atomic script increments the window's
/// counter and sets its expiry on the first hit. While Redis is unreachable the configured policy
/// applies: count locally (each instance alone) or refuse; each change of state is logged once.
/// Written by hand rather than with RedisRateLimiting.AspNetCore because the edge needs the count
/// and reset of every hit (for the RateLimit headers) and a fallback it controls.
/// </summary>
public sealed class RedisRateCounter : IRateCounter, IAsyncDisposable
{
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return count
        """;

    private readonly Lazy<ConnectionMultiplexer> _connection;
    private readonly LocalRateCounter _local;
    private readonly bool _reject;
    private readonly TimeProvider _clock;
    private readonly ILogger<RedisRateCounter> _logger;
    private int _down;

    public RedisRateCounter(string url, bool rejectWhenDown, TimeProvider clock, ILogger<RedisRateCounter> logger)
    {
        _connection = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(Options(url)));
        _local = new LocalRateCounter(clock);
        _reject = rejectWhenDown;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>"ok" when the last use of Redis worked (or it was never needed yet), "down" otherwise.</summary>
    public string Status => Volatile.Read(ref _down) == 1 || (_connection.IsValueCreated && !_connection.Value.IsConnected) ? "down" : "ok";

    /// <summary>Reads redis://[user:password@]host[:port][/db] or StackExchange.Redis's own host:port,... form.</summary>
    public static ConfigurationOptions Options(string url)
    {
        ConfigurationOptions options;
        if (url.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            var uri = new Uri(url);
            options = new ConfigurationOptions { Ssl = uri.Scheme == "rediss" };
            options.EndPoints.Add(uri.Host, uri.Port > 0 ? uri.Port : 6379);
            if (uri.UserInfo.Length > 0)
            {
                var parts = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
                (options.User, options.Password) = parts.Length == 2 ? (parts[0].Length > 0 ? parts[0] : null, parts[1]) : (null, parts[0]);
            }

            if (uri.AbsolutePath.Trim('/') is { Length: > 0 } db)
            {
                options.DefaultDatabase = int.Parse(db, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        else
        {
            options = ConfigurationOptions.Parse(url);
        }

        if (options.EndPoints.Count == 0)
        {
            throw new FormatException("No Redis endpoint.");
        }

        // Never block the start or a request on a Redis that is away: connect in the background, fail fast.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 1000;
        options.AsyncTimeout = 1000;
        options.ConnectRetry = 1;
        return options;
    }

    public async ValueTask<WindowCount> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var start = now.UtcTicks / window.Ticks * window.Ticks;
        var reset = TimeSpan.FromTicks(start + window.Ticks - now.UtcTicks);
        string failure;
        var connection = _connection.Value;
        if (connection.IsConnected)
        {
            try
            {
                var count = (long)await connection.GetDatabase().ScriptEvaluateAsync(
                    Script, [(RedisKey)$"concierge:rl:{key}:{start}"], [(long)(window + TimeSpan.FromSeconds(5)).TotalMilliseconds]);
                if (Interlocked.Exchange(ref _down, 0) == 1)
                {
                    _logger.LogWarning("Redis is reachable again: rate limits are shared across instances again.");
                }

                return new WindowCount(count, reset);
            }
            catch (Exception e) when (e is RedisException or RedisTimeoutException or TimeoutException)
            {
                failure = e.Message;
            }
        }
        else
        {
            failure = "not connected";
        }

        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            _logger.LogError(
                "Redis is unreachable ({Error}): rate limits now {Policy} until it is back.",
                failure,
                _reject ? "refuse requests (Concierge:RateLimits:RedisDown = reject)" : "count on each instance alone (Concierge:RateLimits:RedisDown = local)");
        }

        return _reject ? throw new RateLimitUnavailableException() : await _local.HitAsync(key, window, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await _connection.Value.DisposeAsync();
        }
    }
}
