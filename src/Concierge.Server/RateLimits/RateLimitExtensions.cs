namespace Concierge.Server.RateLimits;

/// <summary>
/// How a route opts into limits. <c>.RequireRateLimit()</c>: the deployment's default
/// (RATE_LIMIT_PER_MINUTE per caller). <c>.RequireRateLimit("router-search", 20)</c>: also a limit
/// of its own, 20 a minute per caller, counted under that name (so routes sharing a name share it).
/// A caller is its user or key when signed in, else its IP address.
/// </summary>
public static class RateLimitExtensions
{
    public static TBuilder RequireRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(Http.HttpSetup.RateLimitPolicy);

    public static TBuilder RequireRateLimit<TBuilder>(this TBuilder builder, string name, int perMinute)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perMinute);
        return builder.RequireRateLimiting(Http.HttpSetup.RateLimitPolicy).WithMetadata(new RouteRateLimit(name, perMinute));
    }
}
