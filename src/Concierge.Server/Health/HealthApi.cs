using System.Reflection;
using Concierge.Models;
using Concierge.Server.Models;
using Concierge.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Health;

/// <summary>
/// Health that tells the truth: <c>db</c> is "ok" only when a query just succeeded. Liveness says
/// only that the process answers; readiness and /health say whether it can serve a turn.
/// </summary>
public static class HealthApi
{
    private static readonly string Version =
        typeof(HealthApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary><c>redis</c> is "ok", "down", or "off" when REDIS_URL is not set.</summary>
    public sealed record HealthReport(string Status, string Version, string Model, string Db, string Database, long DbLatencyMs, string Redis);

    public sealed record LiveReport(string Status);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/", CheckAsync).WithSummary("Status, version, model and database (503 when the database does not answer).");
        group.MapGet("/ready", CheckAsync).WithSummary("Ready to serve turns: the same check as /health.");
        group.MapGet("/live", () => TypedResults.Ok(new LiveReport("ok"))).WithSummary("The process is up and answering.");
        return routes;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(
        DatabaseProbe probe, LanguageModelOptions model, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = await probe.ProbeAsync(cancellationToken);
        var redis = services.GetService<RateLimits.RedisRateCounter>()?.Status ?? "off";
        var report = new HealthReport(db.Ok ? "ok" : "unavailable", Version, model.DescribeModel(), db.Status, db.Provider, (long)db.Elapsed.TotalMilliseconds, redis);
        return db.Ok ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
