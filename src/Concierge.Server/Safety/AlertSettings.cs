using Concierge.Configuration;

namespace Concierge.Server.Safety;

/// <summary>
/// Where alerts go: <c>ALERT_WEBHOOK_URL</c> (http or https; unset: alerts are only logged),
/// <c>ALERT_WEBHOOK_SECRET</c> (optional: signs each body with HMAC-SHA256 in
/// <c>X-Concierge-Signature-256</c>, so a receiver on the open internet can tell a real alert
/// from a forged one), and the per-attempt timeout.
/// </summary>
public sealed record AlertSettings(Uri? WebhookUrl, string? Secret, TimeSpan Timeout)
{
    private const string Section = "Concierge:Alerts:";

    public static readonly IReadOnlyList<SettingAlias> Aliases =
    [
        new("ALERT_WEBHOOK_URL", Section + "WebhookUrl"),
        new("ALERT_WEBHOOK_SECRET", Section + "WebhookSecret"),
        new("ALERT_WEBHOOK_TIMEOUT", Section + "Timeout"),
    ];

    public static AlertSettings Bind(IConfiguration configuration)
    {
        Uri? url = null;
        if (Settings.String(configuration, Section + "WebhookUrl")?.Trim() is { Length: > 0 } text)
        {
            var name = Settings.Find(configuration, Section + "WebhookUrl").Name;
            url = Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
                ? parsed
                : throw new InvalidSettingException(name, "must be an absolute http:// or https:// URL");
        }

        var secret = Settings.String(configuration, Section + "WebhookSecret") is { Length: > 0 } s ? s : null;
        var timeout = Settings.Duration(configuration, Section + "Timeout", TimeSpan.FromSeconds(10));
        return timeout >= TimeSpan.FromMilliseconds(100) && timeout <= TimeSpan.FromMinutes(2)
            ? new AlertSettings(url, secret, timeout)
            : throw new InvalidSettingException(Settings.Find(configuration, Section + "Timeout").Name, "must be between 100ms and 2m");
    }
}
