using System.Text.RegularExpressions;
using Concierge.Server.Configuration;

namespace Concierge.Server.WhatsApp;

/// <summary>
/// The WhatsApp Business settings, from <c>Concierge:WhatsApp:*</c> or the <c>WHATSAPP_*</c> aliases.
/// Read and checked at start: a bad URL, version or timeout stops the start with the setting's name.
/// Missing ids and secrets are not errors (submission and webhooks then answer with a problem
/// naming what to set). The access token and the secrets never appear in <see cref="ToString"/>.
/// </summary>
public sealed partial class WhatsAppSettings
{
    public const string Section = "Concierge:WhatsApp:";

    public static readonly Uri DefaultGraphBaseUrl = new("https://graph.facebook.com");
    public const string DefaultGraphVersion = "v21.0";
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The names an operator sets (the aliases), used in problems and start-up errors.</summary>
    public static class Names
    {
        public const string GraphBaseUrl = "WHATSAPP_GRAPH_BASE_URL";
        public const string GraphVersion = "WHATSAPP_GRAPH_VERSION";
        public const string WabaId = "WHATSAPP_WABA_ID";
        public const string AccessToken = "WHATSAPP_ACCESS_TOKEN";
        public const string VerifyToken = "WHATSAPP_VERIFY_TOKEN";
        public const string AppSecret = "WHATSAPP_APP_SECRET";
        public const string RequestTimeout = "WHATSAPP_REQUEST_TIMEOUT";
    }

    public static readonly IReadOnlyList<SettingAlias> Aliases =
    [
        new(Names.GraphBaseUrl, Section + "GraphBaseUrl"),
        new(Names.GraphVersion, Section + "GraphVersion"),
        new(Names.WabaId, Section + "WabaId"),
        new(Names.AccessToken, Section + "AccessToken"),
        new(Names.VerifyToken, Section + "VerifyToken"),
        new(Names.AppSecret, Section + "AppSecret"),
        new(Names.RequestTimeout, Section + "RequestTimeout"),
    ];

    public Uri GraphBaseUrl { get; init; } = DefaultGraphBaseUrl;

    public string GraphVersion { get; init; } = DefaultGraphVersion;

    public string? WabaId { get; init; }

    public string? AccessToken { get; init; }

    public string? VerifyToken { get; init; }

    public string? AppSecret { get; init; }

    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    public static WhatsAppSettings Bind(IConfiguration configuration)
    {
        var timeout = Settings.Duration(configuration, Section + "RequestTimeout", DefaultRequestTimeout);
        if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromMinutes(10))
        {
            throw new InvalidSettingException(Settings.Find(configuration, Section + "RequestTimeout").Name, "must be more than 0 and at most 10 minutes");
        }

        return new WhatsAppSettings
        {
            GraphBaseUrl = BaseUrl(configuration),
            GraphVersion = Version(configuration),
            WabaId = WabaIdOf(configuration),
            AccessToken = Secret(configuration, "AccessToken"),
            VerifyToken = Secret(configuration, "VerifyToken"),
            AppSecret = Secret(configuration, "AppSecret"),
            RequestTimeout = timeout,
        };
    }

    public override string ToString() =>
        $"WhatsApp(graph {GraphBaseUrl} {GraphVersion}, waba {WabaId ?? "unset"}, access token {Set(AccessToken)}, verify token {Set(VerifyToken)}, app secret {Set(AppSecret)}, timeout {RequestTimeout.TotalSeconds} s)";

    private static string Set(string? secret) => secret is null ? "unset" : "set";

    private static Uri BaseUrl(IConfiguration configuration)
    {
        var (value, name) = Settings.Find(configuration, Section + "GraphBaseUrl");
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultGraphBaseUrl;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo)
            ? uri
            : throw new InvalidSettingException(name, "must be an absolute http(s) URL without query, such as https://graph.facebook.com");
    }

    private static string Version(IConfiguration configuration)
    {
        var (value, name) = Settings.Find(configuration, Section + "GraphVersion");
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultGraphVersion;
        }

        var trimmed = value.Trim();
        return VersionFormat().IsMatch(trimmed)
            ? trimmed
            : throw new InvalidSettingException(name, $"must be a Graph API version such as v21.0, got '{Shorten(trimmed)}'");
    }

    private static string? WabaIdOf(IConfiguration configuration)
    {
        var (value, name) = Settings.Find(configuration, Section + "WabaId");
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return WabaFormat().IsMatch(trimmed)
            ? trimmed
            : throw new InvalidSettingException(name, $"must be the numeric WhatsApp Business Account id, got '{Shorten(trimmed)}'");
    }

    // A secret's value is never echoed, not even in a start-up error.
    private static string? Secret(IConfiguration configuration, string key)
    {
        var (value, name) = Settings.Find(configuration, Section + key);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Any(char.IsControl) || trimmed.Any(char.IsWhiteSpace)
            ? throw new InvalidSettingException(name, "must not contain spaces or control characters")
            : trimmed;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";

    [GeneratedRegex(@"^v[0-9]{1,3}\.[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionFormat();

    [GeneratedRegex(@"^[0-9]{1,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex WabaFormat();
}
