using Concierge.Agents;
using Concierge.Channels;
using Concierge.Server.WhatsApp;
using Concierge.Storage.Channels;

namespace Concierge.Server.Channels;

/// <summary>
/// Every channel account the webhooks route by: the stored accounts of all tenants (secrets opened
/// with the key ring), and the demo tenant's default accounts from the settings (WHATSAPP_* and
/// TWILIO_*). Read through a short cache (10 s) so a webhook does not query the accounts table;
/// changes made on this instance are visible at once, another instance's within the cache time.
/// </summary>
public sealed class ChannelAccountDirectory(
    SqlChannelStore store, ChannelSecretProtector protector, WhatsAppSettings whatsApp, ChannelSettings channels, TimeProvider clock, ILogger<ChannelAccountDirectory> logger)
{
    /// <summary>The id of the WhatsApp account made from the settings.</summary>
    public static readonly Guid WhatsAppDefaultId = Guid.Parse("00000000-0000-7000-8000-0000000000a1");

    /// <summary>The id of the Twilio account made from the settings.</summary>
    public static readonly Guid TwilioDefaultId = Guid.Parse("00000000-0000-7000-8000-0000000000a2");

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private (IReadOnlyList<ChannelAccount> Accounts, DateTimeOffset Until)? _cache;

    /// <summary>The accounts from the settings (no row: they cannot be deleted through the API).</summary>
    public IReadOnlyList<ChannelAccount> Configured()
    {
        var list = new List<ChannelAccount>();
        if (whatsApp.AppSecret is not null || channels.PhoneNumberId is not null)
        {
            list.Add(new ChannelAccount(
                WhatsAppDefaultId, DemoTenant.TenantId, ChannelProviders.WhatsApp, channels.PhoneNumberId ?? string.Empty, channels.DisplayNumber, whatsApp.WabaId, null,
                channels.AgentKey, channels.WindowTemplateName, channels.WindowTemplateLanguage,
                new ChannelSecrets(whatsApp.AccessToken, whatsApp.AppSecret, whatsApp.VerifyToken), DateTimeOffset.UnixEpoch, IsConfigured: true));
        }

        if (channels.TwilioAuthToken is not null)
        {
            list.Add(new ChannelAccount(
                TwilioDefaultId, DemoTenant.TenantId, ChannelProviders.Twilio, channels.TwilioNumber ?? string.Empty, null, null, channels.TwilioAccountSid,
                channels.AgentKey, null, null, new ChannelSecrets(AuthToken: channels.TwilioAuthToken), DateTimeOffset.UnixEpoch, IsConfigured: true));
        }

        return list;
    }

    /// <summary>Every account, stored ones first; a stored account whose secrets cannot be opened is left out (logged).</summary>
    public async Task<IReadOnlyList<ChannelAccount>> AllAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache is { } cached && cached.Until > now)
        {
            return cached.Accounts;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_cache is { } again && again.Until > now)
            {
                return again.Accounts;
            }

            var accounts = new List<ChannelAccount>();
            foreach (var stored in await store.AllAccountsAsync(cancellationToken))
            {
                if (protector.TryUnprotect(stored.ProtectedSecrets) is { } secrets)
                {
                    accounts.Add(stored.Account with { Secrets = secrets });
                }
                else
                {
                    logger.LogError("The secrets of channel account {AccountId} cannot be opened (another SECRET_KEY or a lost key ring); it is ignored", stored.Account.Id);
                }
            }

            accounts.AddRange(Configured());
            _cache = (accounts, now + CacheFor);
            return accounts;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate() => _cache = null;

    public async Task<ChannelAccount?> ByIdAsync(Guid id, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(a => a.Id == id);

    /// <summary>
    /// The account a message to <paramref name="address"/> is for: the stored or configured account
    /// with that address; for Twilio, the configured account when TWILIO_NUMBER is unset takes any
    /// number no stored account has.
    /// </summary>
    public async Task<ChannelAccount?> ByAddressAsync(string provider, string? address, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(address))
        {
            return null;
        }

        var all = await AllAsync(cancellationToken);
        return all.FirstOrDefault(a => a.Provider == provider && a.Address.Length > 0 && string.Equals(a.Address, address, StringComparison.Ordinal))
            ?? (provider == ChannelProviders.Twilio ? all.FirstOrDefault(a => a.Provider == provider && a.IsConfigured && a.Address.Length == 0) : null);
    }
}
