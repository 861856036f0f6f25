using Concierge.Server.Configuration;

namespace Concierge.Server.Channels;

/// <summary>
/// The channels' settings (WhatsApp inbound and window, Twilio), read and checked at start. The
/// WhatsApp default account's ids and secrets stay in <see cref="WhatsApp.WhatsAppSettings"/>; these
/// add what answering customers needs. Secrets never appear in <see cref="ToString"/>.
/// </summary>
public sealed record ChannelSettings(
    TimeSpan Window,
    string? PhoneNumberId,
    string? DisplayNumber,
    string? AgentKey,
    string? WindowTemplateName,
    string? WindowTemplateLanguage,
    long MaxBodyBytes,
    string? TwilioAccountSid,
    string? TwilioAuthToken,
    string? TwilioNumber,
    Uri TwilioApiBaseUrl,
    TimeSpan TwilioReplyWithin,
    Uri? PublicApiBase,
    string? KeysPath)
{
    public static readonly Uri DefaultTwilioApiBase = new("https://api.twilio.com");

    /// <summary>The names operators set, for problems and start-up errors.</summary>
    public static class Names
    {
        public const string Window = "WHATSAPP_WINDOW";
        public const string PhoneNumberId = "WHATSAPP_PHONE_NUMBER_ID";
        public const string DisplayNumber = "WHATSAPP_DISPLAY_NUMBER";
        public const string Agent = "WHATSAPP_AGENT";
        public const string WindowTemplate = "WHATSAPP_WINDOW_TEMPLATE";
        public const string MaxBodyBytes = "WHATSAPP_MAX_BODY_BYTES";
        public const string TwilioAccountSid = "TWILIO_ACCOUNT_SID";
        public const string TwilioAuthToken = "TWILIO_AUTH_TOKEN";
        public const string TwilioNumber = "TWILIO_NUMBER";
        public const string TwilioApiBaseUrl = "TWILIO_API_BASE_URL";
        public const string TwilioReplyWithin = "TWILIO_REPLY_WITHIN";
        public const string PublicApiBase = "PUBLIC_API_BASE";
        public const string KeysPath = "DATA_PROTECTION_KEYS_PATH";
    }

    public static ChannelSettings Bind(IConfiguration configuration)
    {
        var window = Settings.Duration(configuration, "Concierge:WhatsApp:Window", Names.Window, TimeSpan.FromHours(24));
        if (window <= TimeSpan.Zero || window > TimeSpan.FromDays(7))
        {
            throw new InvalidSettingException(Settings.Find(configuration, "Concierge:WhatsApp:Window", Names.Window).Name, "must be more than 0 and at most 7 days");
        }

        var within = Settings.Duration(configuration, "Concierge:Twilio:ReplyWithin", Names.TwilioReplyWithin, TimeSpan.FromSeconds(10));
        if (within < TimeSpan.Zero || within > TimeSpan.FromSeconds(14))
        {
            throw new InvalidSettingException(Settings.Find(configuration, "Concierge:Twilio:ReplyWithin", Names.TwilioReplyWithin).Name, "must be 0 to 14 seconds (Twilio waits 15)");
        }

        var maxBody = Settings.Int(configuration, "Concierge:WhatsApp:MaxBodyBytes", Names.MaxBodyBytes, 4 * 1024 * 1024);
        if (maxBody is < 65536 or > 64 * 1024 * 1024)
        {
            throw new InvalidSettingException(Settings.Find(configuration, "Concierge:WhatsApp:MaxBodyBytes", Names.MaxBodyBytes).Name, "must be 65536 to 67108864 bytes");
        }

        var (templateName, templateLanguage) = Template(configuration);
        return new ChannelSettings(
            window,
            Token(configuration, "Concierge:WhatsApp:PhoneNumberId", Names.PhoneNumberId),
            Token(configuration, "Concierge:WhatsApp:DisplayNumber", Names.DisplayNumber),
            Token(configuration, "Concierge:WhatsApp:Agent", Names.Agent),
            templateName,
            templateLanguage,
            maxBody,
            Token(configuration, "Concierge:Twilio:AccountSid", Names.TwilioAccountSid),
            Token(configuration, "Concierge:Twilio:AuthToken", Names.TwilioAuthToken),
            Token(configuration, "Concierge:Twilio:Number", Names.TwilioNumber),
            Url(configuration, "Concierge:Twilio:ApiBaseUrl", Names.TwilioApiBaseUrl) ?? DefaultTwilioApiBase,
            within,
            Url(configuration, "Concierge:Http:PublicApiBase", Names.PublicApiBase),
            Token(configuration, "Concierge:DataProtection:KeysPath", Names.KeysPath));
    }

    public override string ToString() =>
        $"Channels(window {Window}, phone number id {PhoneNumberId ?? "unset"}, twilio {TwilioAccountSid ?? "unset"} token {(TwilioAuthToken is null ? "unset" : "set")})";

    private static (string?, string?) Template(IConfiguration configuration)
    {
        var (value, name) = Settings.Find(configuration, "Concierge:WhatsApp:WindowTemplate", Names.WindowTemplate);
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }

        var parts = value.Trim().Split(':');
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0
            ? (parts[0], parts[1].Replace('-', '_'))
            : throw new InvalidSettingException(name, "must be 'template_name:language', such as 'follow_up:en_US'");
    }

    private static string? Token(IConfiguration configuration, string key, string alias)
    {
        var (value, name) = Settings.Find(configuration, key, alias);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Any(char.IsControl) || trimmed.Length > 500
            ? throw new InvalidSettingException(name, "must be at most 500 characters without control characters")
            : trimmed;
    }

    private static Uri? Url(IConfiguration configuration, string key, string alias)
    {
        var (value, name) = Settings.Find(configuration, key, alias);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && string.IsNullOrEmpty(uri.Query)
            ? uri
            : throw new InvalidSettingException(name, "must be an absolute http(s) URL without query");
    }
}
