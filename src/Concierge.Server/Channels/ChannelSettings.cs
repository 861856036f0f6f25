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

    public static readonly IReadOnlyList<SettingAlias> Aliases =
    [
        new(Names.Window, "Concierge:WhatsApp:Window"),
        new(Names.TwilioReplyWithin, "Concierge:Twilio:ReplyWithin"),
        new(Names.MaxBodyBytes, "Concierge:WhatsApp:MaxBodyBytes"),
        new(Names.PhoneNumberId, "Concierge:WhatsApp:PhoneNumberId"),
        new(Names.DisplayNumber, "Concierge:WhatsApp:DisplayNumber"),
        new(Names.Agent, "Concierge:WhatsApp:Agent"),
        new(Names.TwilioAccountSid, "Concierge:Twilio:AccountSid"),
        new(Names.TwilioAuthToken, "Concierge:Twilio:AuthToken"),
        new(Names.TwilioNumber, "Concierge:Twilio:Number"),
        new(Names.TwilioApiBaseUrl, "Concierge:Twilio:ApiBaseUrl"),
        new(Names.PublicApiBase, "Concierge:Http:PublicApiBase"),
        new(Names.KeysPath, "Concierge:DataProtection:KeysPath"),
        new(Names.WindowTemplate, "Concierge:WhatsApp:WindowTemplate"),
    ];

    public static ChannelSettings Bind(IConfiguration configuration)
    {
        var window = Settings.Duration(configuration, "Concierge:WhatsApp:Window", TimeSpan.FromHours(24));
        if (window <= TimeSpan.Zero || window > TimeSpan.FromDays(7))
        {
            throw new InvalidSettingException(Settings.Find(configuration, "Concierge:WhatsApp:Window").Name, "must be more than 0 and at most 7 days");
        }

        var within = Settings.Duration(configuration, "Concierge:Twilio:ReplyWithin", TimeSpan.FromSeconds(10));
        if (within < TimeSpan.Zero || within > TimeSpan.FromSeconds(14))
        {
            throw new InvalidSettingException(Settings.Find(configuration, "Concierge:Twilio:ReplyWithin").Name, "must be 0 to 14 seconds (Twilio waits 15)");
        }

        var maxBody = Settings.Int(configuration, "Concierge:WhatsApp:MaxBodyBytes", 4 * 1024 * 1024);
        if (maxBody is < 65536 or > 64 * 1024 * 1024)
        {
            throw new InvalidSettingException(Settings.Find(configuration, "Concierge:WhatsApp:MaxBodyBytes").Name, "must be 65536 to 67108864 bytes");
        }

        var (templateName, templateLanguage) = Template(configuration);
        return new ChannelSettings(
            window,
            Token(configuration, "Concierge:WhatsApp:PhoneNumberId"),
            Token(configuration, "Concierge:WhatsApp:DisplayNumber"),
            Token(configuration, "Concierge:WhatsApp:Agent"),
            templateName,
            templateLanguage,
            maxBody,
            Token(configuration, "Concierge:Twilio:AccountSid"),
            Token(configuration, "Concierge:Twilio:AuthToken"),
            Token(configuration, "Concierge:Twilio:Number"),
            Url(configuration, "Concierge:Twilio:ApiBaseUrl") ?? DefaultTwilioApiBase,
            within,
            Url(configuration, "Concierge:Http:PublicApiBase"),
            Token(configuration, "Concierge:DataProtection:KeysPath"));
    }

    public override string ToString() =>
        $"Channels(window {Window}, phone number id {PhoneNumberId ?? "unset"}, twilio {TwilioAccountSid ?? "unset"} token {(TwilioAuthToken is null ? "unset" : "set")})";

    private static (string?, string?) Template(IConfiguration configuration)
    {
        var (value, name) = Settings.Find(configuration, "Concierge:WhatsApp:WindowTemplate");
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }

        var parts = value.Trim().Split(':');
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0
            ? (parts[0], parts[1].Replace('-', '_'))
            : throw new InvalidSettingException(name, "must be 'template_name:language', such as 'follow_up:en_US'");
    }

    private static string? Token(IConfiguration configuration, string key)
    {
        var (value, name) = Settings.Find(configuration, key);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Any(char.IsControl) || trimmed.Length > 500
            ? throw new InvalidSettingException(name, "must be at most 500 characters without control characters")
            : trimmed;
    }

    private static Uri? Url(IConfiguration configuration, string key)
    {
        var (value, name) = Settings.Find(configuration, key);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && string.IsNullOrEmpty(uri.Query)
            ? uri
            : throw new InvalidSettingException(name, "must be an absolute http(s) URL without query");
    }
}
