namespace Concierge.Server.RateLimits;

/// <summary>The shared limit store is unreachable and the policy is to refuse rather than count locally (503).</summary>
public sealed class RateLimitUnavailableException() : Exception("Rate limits cannot be checked right now (Redis is unreachable); retry shortly.");
