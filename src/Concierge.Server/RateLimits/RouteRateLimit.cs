namespace Concierge.Server.RateLimits;

/// <summary>Endpoint metadata: a route's own limit, counted per caller under its own name, on top of the default.</summary>
public sealed record RouteRateLimit(string Name, int PerMinute);
