using Concierge.Configuration;

namespace Concierge.Server.Geocoding;

/// <summary>
/// Where shops' addresses are geocoded: a Nominatim-compatible <c>/search?q=&amp;format=json</c> API
/// at <c>GEOCODER_URL</c>, or Google's Geocoding API when <c>GOOGLE_MAPS_API_KEY</c> is set (at
/// <c>GOOGLE_GEOCODE_URL</c>, so a fake can stand in). Checked at start.
/// </summary>
public sealed record GeocodingSettings(Uri NominatimUrl, string? GoogleApiKey, Uri GoogleUrl, string UserAgent, TimeSpan Timeout, TimeSpan ImportBudget)
{
    private const string Section = "Concierge:Geocoding:";
    public static readonly Uri DefaultNominatim = new("https://nominatim.openstreetmap.org/");
    public static readonly Uri DefaultGoogle = new("https://maps.googleapis.com/");

    public bool UsesGoogle => GoogleApiKey is not null;

    public static readonly IReadOnlyList<SettingAlias> Aliases =
    [
        new("GEOCODER_URL", Section + "Url"),
        new("GEOCODER_TIMEOUT", Section + "Timeout"),
        new("GEOCODER_IMPORT_BUDGET", Section + "ImportBudget"),
        new("GEOCODER_USER_AGENT", Section + "UserAgent"),
        new("GOOGLE_MAPS_API_KEY", Section + "GoogleApiKey"),
        new("GOOGLE_GEOCODE_URL", Section + "GoogleUrl"),
    ];

    public static GeocodingSettings Bind(IConfiguration configuration)
    {
        var timeout = Settings.Duration(configuration, Section + "Timeout", TimeSpan.FromSeconds(10));
        if (timeout < TimeSpan.FromMilliseconds(100) || timeout > TimeSpan.FromMinutes(2))
        {
            throw new InvalidSettingException("GEOCODER_TIMEOUT", "must be a duration between 100ms and 2m");
        }

        var budget = Settings.Duration(configuration, Section + "ImportBudget", TimeSpan.FromSeconds(10));
        if (budget < TimeSpan.Zero || budget > TimeSpan.FromHours(1))
        {
            throw new InvalidSettingException("GEOCODER_IMPORT_BUDGET", "must be a duration between 0 and 1h");
        }

        var agent = Settings.String(configuration, Section + "UserAgent")?.Trim();
        return new GeocodingSettings(
            Url(configuration, Section + "Url", DefaultNominatim),
            Settings.String(configuration, Section + "GoogleApiKey")?.Trim() is { Length: > 0 } key ? key : null,
            Url(configuration, Section + "GoogleUrl", DefaultGoogle),
            agent is { Length: > 0 } ? agent : "Concierge shop router (self-hosted)",
            timeout,
            budget);
    }

    private static Uri Url(IConfiguration configuration, string key, Uri fallback)
    {
        var (raw, name) = Settings.Find(configuration, key);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        var text = raw.Trim();
        return Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new InvalidSettingException(name, $"must be an http(s) URL, got '{(text.Length > 60 ? text[..60] : text)}'");
    }
}
