using System.Reflection;
using Concierge.Channels;
using Concierge.Conversations;
using Concierge.Jobs;
using Concierge.Models;
using Concierge.Server.Configuration;
using Concierge.Server.RateLimits;
using Concierge.Server.Tenancy;
using Concierge.Storage;
using Concierge.Tenants;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Concierge.Server.Observability;

/// <summary>
/// OpenTelemetry for the whole process: every Concierge meter, ASP.NET Core's HTTP metrics, the
/// HTTP client's, Npgsql's pool and the runtime's, exported on <c>GET /metrics</c> in Prometheus'
/// text format; traces by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; unhandled errors to
/// Sentry when <c>SENTRY_DSN</c> is set. docs/operations.md lists the series.
/// </summary>
public static class ObservabilitySetup
{
    public const string MetricsPath = "/metrics";
    public const string MetricsPolicy = "metrics-scrape";
    public const string ServiceName = "concierge";

    /// <summary>The Concierge meters and activity sources, by name.</summary>
    public static readonly string[] ConciergeSources =
        [TurnTelemetry.Name, ModelTelemetry.Name, JobTelemetry.Name, ChannelTelemetry.Name, StorageTelemetry.Name, HttpTelemetry.Name];

    // Seconds: from a fast SQL statement to a slow model call with retries.
    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

    private static readonly string Version =
        typeof(ObservabilitySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static ObservabilitySettings AddConciergeObservability(this WebApplicationBuilder builder, RateLimitSettings rateLimits)
    {
        var settings = ObservabilitySettings.Bind(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddHostedService<JobQueueMonitor>();
        builder.Services.AddAuthorization(o => o.AddPolicy(MetricsPolicy, p => p.RequireAssertion(c => MayScrape(c, settings, rateLimits))));

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: Version, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics => metrics
                .AddMeter(ConciergeSources)
                .AddMeter("Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddView(instrument => instrument.Meter.Name.StartsWith("Concierge.", StringComparison.Ordinal) && instrument.Unit == "s"
                    ? new ExplicitBucketHistogramConfiguration { Boundaries = SecondsBuckets }
                    : null)
                .AddPrometheusExporter());

        if (settings.OtlpEndpoint is not null)
        {
            // OTLP/HTTP (protobuf) unless OTEL_EXPORTER_OTLP_PROTOCOL says grpc: what port 4318 of
            // every collector speaks, and no HTTP/2 needed. The exporter reads the other OTEL_* settings itself.
            var grpc = string.Equals(builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"], "grpc", StringComparison.OrdinalIgnoreCase);
            telemetry.WithTracing(tracing => tracing
                .AddSource(ConciergeSources)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsQuiet(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(o => o.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf));
        }

        if (settings.SentryDsn is { } dsn)
        {
            builder.WebHost.UseSentry(o =>
            {
                o.Dsn = dsn;
                o.Release = Version;
                o.Environment = builder.Environment.EnvironmentName.ToLowerInvariant();
                // No request bodies, cookies, headers or user data: they hold message texts and credentials.
                o.SendDefaultPii = false;
                o.MaxRequestBodySize = Sentry.Extensibility.RequestSize.None;
                o.AttachStacktrace = true;
            });
        }

        return settings;
    }

    /// <summary>GET /metrics in the Prometheus text format: from an allowed address (METRICS_ALLOWED_IPS), or with an operator's token or key.</summary>
    public static IEndpointConventionBuilder MapMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(MetricsPolicy);

    private static bool MayScrape(AuthorizationHandlerContext context, ObservabilitySettings settings, RateLimitSettings rateLimits)
    {
        if (Caller.From(context.User)?.IsAtLeast(Role.Operator) == true)
        {
            return true;
        }

        // The client's address as the rate limits see it: X-Forwarded-For counts only from a known proxy.
        return context.Resource is HttpContext http
            && System.Net.IPAddress.TryParse(ClientAddress.Of(http, rateLimits.KnownProxies), out var address)
            && settings.MayScrape(address);
    }

    // Scrapes and health probes every few seconds would bury the traces that matter.
    private static bool IsQuiet(PathString path) =>
        path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
