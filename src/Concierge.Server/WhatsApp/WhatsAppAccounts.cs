using Concierge.Agents;

namespace Concierge.Server.WhatsApp;

/// <summary>
/// A tenant's WhatsApp Business account: where its templates are submitted and how its webhooks
/// are checked. <see cref="ToString"/> never shows the token or the secrets.
/// </summary>
public sealed record WhatsAppAccount(
    Guid TenantId,
    Uri GraphBaseUrl,
    string GraphVersion,
    string? WabaId,
    string? AccessToken,
    string? VerifyToken,
    string? AppSecret,
    TimeSpan RequestTimeout)
{
    /// <summary>The settings still missing before templates can be submitted (empty when ready).</summary>
    public IReadOnlyList<string> MissingForSubmit =>
        [.. new[] { (WabaId, WhatsAppSettings.Names.WabaId), (AccessToken, WhatsAppSettings.Names.AccessToken) }
            .Where(s => s.Item1 is null).Select(s => s.Item2)];

    /// <summary><c>{base}/{version}/{waba}/message_templates</c>; the base URL may carry a path (a proxy).</summary>
    public Uri MessageTemplatesUrl =>
        new($"{GraphBaseUrl.AbsoluteUri.TrimEnd('/')}/{GraphVersion}/{WabaId}/message_templates");

    public override string ToString() =>
        $"WhatsAppAccount(tenant {TenantId}, graph {GraphBaseUrl} {GraphVersion}, waba {WabaId ?? "unset"}, access token {(AccessToken is null ? "unset" : "set")})";
}

/// <summary>
/// The WhatsApp accounts of the tenants. Today one account, from configuration, belongs to the
/// demo tenant (the only tenant); a per-tenant table can replace this without touching the callers.
/// </summary>
public interface IWhatsAppAccounts
{
    /// <summary>The tenant's account; one with nothing set (see <see cref="WhatsAppAccount.MissingForSubmit"/>) when it has none.</summary>
    WhatsAppAccount ForTenant(Guid tenantId);

    /// <summary>The account whose Meta app calls <c>/webhooks/whatsapp</c> (its verify token and app secret check the calls).</summary>
    WhatsAppAccount ForWebhook();
}

/// <summary><see cref="IWhatsAppAccounts"/> over <see cref="WhatsAppSettings"/>: the configured account is the demo tenant's.</summary>
public sealed class ConfiguredWhatsAppAccounts(WhatsAppSettings settings) : IWhatsAppAccounts
{
    public static readonly Guid ConfiguredTenantId = DemoTenant.TenantId;

    public WhatsAppAccount ForTenant(Guid tenantId) => tenantId == ConfiguredTenantId
        ? new(tenantId, settings.GraphBaseUrl, settings.GraphVersion, settings.WabaId, settings.AccessToken, settings.VerifyToken, settings.AppSecret, settings.RequestTimeout)
        : new(tenantId, settings.GraphBaseUrl, settings.GraphVersion, null, null, null, null, settings.RequestTimeout);

    public WhatsAppAccount ForWebhook() => ForTenant(ConfiguredTenantId);
}
