namespace Concierge.Server.Configuration;

/// <summary>The edge's settings: body size, CORS origins, rate limit.</summary>
public sealed record HttpSettings(long MaxBodyBytes, IReadOnlyList<string> CorsOrigins, int RateLimitPerMinute)
{
    /// <summary>HSTS and redirection to HTTPS (<c>Concierge:Http:RequireHttps</c>; off by default for loopback use).</summary>
    public bool RequireHttps { get; init; }

    private const string Section = "Concierge:Http:";

    public static readonly IReadOnlyList<SettingAlias> Aliases =
    [
        new("CORS_ORIGINS", Section + "CorsOrigins"),
        new("ALLOWED_ORIGINS", Section + "CorsOrigins"),
        new("RATE_LIMIT_PER_MINUTE", Section + "RateLimitPerMinute"),
    ];

    public static HttpSettings Bind(IConfiguration configuration)
    {
        var maxBody = Settings.Int(configuration, Section + "MaxBodyBytes", 64 * 1024);
        if (maxBody is < 1024 or > 100 * 1024 * 1024)
        {
            throw new InvalidSettingException(Section + "MaxBodyBytes", $"must be between 1024 and 104857600, got {maxBody}");
        }

        var origins = (Settings.String(configuration, Section + "CorsOrigins") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var origin in origins)
        {
            if (origin != "*" && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                throw new InvalidSettingException("CORS_ORIGINS", $"'{origin}' is not an origin such as https://shop.example.com (or *)");
            }
        }

        if (origins.Contains("*") && origins.Length > 1)
        {
            throw new InvalidSettingException("CORS_ORIGINS", "'*' allows every origin (without credentials) and cannot be combined with exact origins");
        }

        var requireHttps = Settings.String(configuration, Section + "RequireHttps") is { } raw
            ? bool.TryParse(raw, out var on) ? on : throw new InvalidSettingException(Section + "RequireHttps", $"must be true or false, got '{raw}'")
            : false;
        var rateLimit = Settings.Int(configuration, Section + "RateLimitPerMinute", 0);
        return rateLimit < 0
            ? throw new InvalidSettingException("RATE_LIMIT_PER_MINUTE", $"must be 0 (off) or a positive number, got {rateLimit}")
            : new HttpSettings(maxBody, origins, rateLimit) { RequireHttps = requireHttps };
    }
}
