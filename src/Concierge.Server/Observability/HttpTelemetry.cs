using System.Diagnostics.Metrics;

namespace Concierge.Server.Observability;

/// <summary>The edge's own metrics (HTTP durations come from ASP.NET Core's instrumentation).</summary>
public static class HttpTelemetry
{
    public const string Name = "Concierge.Http";

    public static readonly Meter Meter = new(Name);

    /// <summary>Requests refused with 429, by <c>limit</c>: <c>default</c>, <c>route:NAME</c>, or <c>login_lockout</c>.</summary>
    public static readonly Counter<long> RateLimitRejections = Meter.CreateCounter<long>(
        "concierge.rate_limit.rejections", "{request}", "Requests refused by a rate limit (429), by limit.");

    public static void Rejected(string limit) => RateLimitRejections.Add(1, new KeyValuePair<string, object?>("limit", limit));
}
