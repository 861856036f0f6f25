namespace Concierge.Channels;

/// <summary>The messaging providers a business number can be on.</summary>
public static class ChannelProviders
{
    /// <summary>Meta's WhatsApp Cloud API (the address is the phone number id).</summary>
    public const string WhatsApp = "whatsapp";

    /// <summary>Twilio, SMS or WhatsApp (the address is the <c>To</c> number, e.g. <c>whatsapp:+14155238886</c>).</summary>
    public const string Twilio = "twilio";

    public static bool IsKnown(string? provider) => provider is WhatsApp or Twilio;
}

/// <summary>
/// The secrets of one account, kept encrypted at rest and never shown: Meta's access token, app
/// secret and verify token, or Twilio's auth token. <see cref="ToString"/> says only which are set.
/// </summary>
public sealed record ChannelSecrets(string? AccessToken = null, string? AppSecret = null, string? VerifyToken = null, string? AuthToken = null)
{
    public override string ToString() =>
        $"ChannelSecrets(access token {Set(AccessToken)}, app secret {Set(AppSecret)}, verify token {Set(VerifyToken)}, auth token {Set(AuthToken)})";

    private static string Set(string? value) => value is null ? "unset" : "set";
}

/// <summary>
/// A tenant's business number on a channel and the agent that answers it. <see cref="IsConfigured"/>
/// marks the account that comes from settings (the demo tenant's default), which is not stored and
/// cannot be deleted through the API.
/// </summary>
public sealed record ChannelAccount(
    Guid Id,
    Guid TenantId,
    string Provider,
    string Address,
    string? Label,
    string? WabaId,
    string? AccountSid,
    string? AgentKey,
    string? TemplateName,
    string? TemplateLanguage,
    ChannelSecrets Secrets,
    DateTimeOffset CreatedAt,
    bool IsConfigured = false)
{
    /// <summary>The approved template that carries a business-initiated message outside the window, when the account names one.</summary>
    public bool HasWindowTemplate => TemplateName is not null && TemplateLanguage is not null;

    public override string ToString() => $"ChannelAccount({Provider} {Address}, tenant {TenantId}, agent {AgentKey ?? "default"}, {Secrets})";
}

/// <summary>What became of an outbound message (the <c>delivery</c> of the message history).</summary>
public static class DeliveryStates
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Failed = "failed";

    /// <summary>Outside the customer service window with no approved template to carry it: kept, reported, not sent.</summary>
    public const string Held = "held";

    /// <summary>How far along a state is; a status webhook never moves a delivery backwards (Meta's order is not guaranteed).</summary>
    public static int Rank(string state) => state switch
    {
        Queued => 0,
        Sent => 1,
        Delivered => 2,
        Read => 3,
        Failed or Held => 4,
        _ => -1,
    };
}

/// <summary>An outbound message's delivery record, as the history and debug views show it.</summary>
public sealed record ChannelDelivery(
    Guid Id,
    Guid SessionId,
    Guid? MessageId,
    string Provider,
    string Kind,
    string State,
    string? ExternalId,
    int? ErrorCode,
    string? ErrorDetail,
    DateTimeOffset UpdatedAt);
