using Concierge.Bookings.Store;
using Concierge.Costs;
using Concierge.Lifecycle;
using Concierge.Server.Knowledge;
using Concierge.Server.Streaming;
using Concierge.Server.WhatsApp;
using Concierge.Storage;

namespace Concierge.Server.Configuration;

/// <summary>
/// Every seed-system name Concierge accepts for a setting, gathered from the settings types that
/// declare them, for the one <see cref="SettingAliasesSource"/> the host adds. A new settings type
/// with aliases adds its list here.
/// </summary>
public static class SeedAliases
{
    public static IReadOnlyList<SettingAlias> All { get; } =
    [
        .. HostSetup.Aliases,
        .. DatabaseSettings.Aliases,
        .. ModelSettings.Aliases,
        .. ConversationSettings.Aliases,
        .. HttpSettings.Aliases,
        .. RateLimitSettings.Aliases,
        .. AuthSettings.Aliases,
        .. StreamingOptions.Aliases,
        .. WhatsAppSettings.Aliases,
        .. KnowledgeSettings.Aliases,
        .. FollowUpOptions.Aliases,
        .. Channels.ChannelSettings.Aliases,
        .. BudgetOptions.Aliases,
        .. RetentionOptions.Aliases,
        .. Observability.ObservabilitySettings.Aliases,
        .. Safety.AlertSettings.Aliases,
        .. Geocoding.GeocodingSettings.Aliases,
        .. Router.RouterSettings.Aliases,
    ];

    /// <summary>A configuration with the aliases mapped, for tools and tests that build their own.</summary>
    public static IConfigurationRoot Build(IConfigurationBuilder builder) => builder.BuildWithAliases(All);
}
