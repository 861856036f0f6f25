using System.Net;

namespace Concierge.Server.Observability;

/// <summary>
/// Who may scrape <c>/metrics</c>, where traces go, where errors are reported. Read and checked at
/// start-up: a bad value stops the start naming the setting.
/// </summary>
public sealed record ObservabilitySettings(IReadOnlyList<IPNetwork> MetricsAllowed, Uri? OtlpEndpoint, string? SentryDsn)
{
    /// <summary>How often the job queue is counted for the jobs gauges (<c>Concierge:Metrics:JobQueueInterval</c>, 100ms to 1h).</summary>
    public TimeSpan JobQueueInterval { get; init; } = TimeSpan.FromSeconds(15);

    public const string JobQueueIntervalKey = "Concierge:Metrics:JobQueueInterval";
    public const string MetricsAllowedKey = "Concierge:Metrics:AllowedIps";
    public const string MetricsAllowedAlias = "METRICS_ALLOWED_IPS";
    public const string OtlpEndpointAlias = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string SentryDsnKey = "Concierge:Sentry:Dsn";
    public const string SentryDsnAlias = "SENTRY_DSN";

    /// <summary>Loopback only: a Prometheus on the same host (or a sidecar) scrapes without credentials.</summary>
    public const string DefaultMetricsAllowed = "127.0.0.1/32,::1/128";

    public static readonly IReadOnlyList<SettingAlias> Aliases = [new(MetricsAllowedAlias, MetricsAllowedKey), new(SentryDsnAlias, SentryDsnKey)];

    public static ObservabilitySettings Bind(IConfiguration configuration)
    {
        var raw = Settings.String(configuration, MetricsAllowedKey) ?? DefaultMetricsAllowed;
        var allowed = new List<IPNetwork>();
        if (!string.Equals(raw.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var part in raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                allowed.Add(ParseNetwork(part));
            }
        }

        Uri? otlp = null;
        if (Settings.String(configuration, OtlpEndpointAlias) is { } endpoint)
        {
            otlp = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new InvalidSettingException(OtlpEndpointAlias, $"must be an http(s) URL such as http://collector:4318, got '{Shorten(endpoint)}'");
        }

        var dsn = Settings.String(configuration, SentryDsnKey);
        if (dsn is not null && !(Uri.TryCreate(dsn, UriKind.Absolute, out var d) && d.Scheme is "http" or "https" && d.UserInfo.Length > 0 && d.AbsolutePath.Trim('/').Length > 0))
        {
            // Never echo a DSN: its user part is the project's key.
            throw new InvalidSettingException(SentryDsnAlias, "must be a Sentry DSN such as https://<key>@o1.ingest.sentry.io/<project>");
        }

        var interval = Settings.Duration(configuration, JobQueueIntervalKey, TimeSpan.FromSeconds(15));
        if (interval < TimeSpan.FromMilliseconds(100) || interval > TimeSpan.FromHours(1))
        {
            throw new InvalidSettingException(JobQueueIntervalKey, "must be between 100ms and 1h");
        }

        return new ObservabilitySettings(allowed, otlp, dsn) { JobQueueInterval = interval };
    }

    /// <summary>True when <paramref name="address"/> is in one of the allowed networks (IPv4-mapped IPv6 counts as IPv4).</summary>
    public bool MayScrape(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var normal = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return MetricsAllowed.Any(n => n.Contains(normal));
    }

    private static IPNetwork ParseNetwork(string text)
    {
        if (IPNetwork.TryParse(text, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(text, out var single))
        {
            return new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        throw new InvalidSettingException(MetricsAllowedAlias, $"'{Shorten(text)}' is not an IP address or network (a comma-separated list such as 127.0.0.1,10.0.0.0/8; or none)");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";
}
