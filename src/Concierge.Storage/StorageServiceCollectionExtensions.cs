using System.Globalization;
using Concierge.Agents;
using Concierge.Emotions;
using Concierge.Storage.Emotions;
using Concierge.Bookings.Store;
using Concierge.Storage.Bookings;
using Concierge.Conversations;
using Concierge.Storage.Accounts;
using Concierge.Storage.Effects;
using Concierge.Tenants;
using Concierge.Storage.Templates;
using Concierge.Templates;
using Concierge.Configuration;
using Concierge.Jobs;
using Concierge.Storage.Jobs;
using Concierge.Storage.Knowledge;
using Concierge.Knowledge.Library;
using Concierge.Storage.Migrations;
using Concierge.Storage.Streams;
using Concierge.Streams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Concierge.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database (SQLite by default, PostgreSQL when DATABASE_URL says so), the
    /// session store, the agent catalog, the health probe, the job store, and the housekeeping job
    /// handlers with their schedules (the expired-session sweep, the finished-jobs purge); the
    /// host's job worker runs them.
    /// Reads and checks the settings now: a bad value throws <see cref="InvalidSettingException"/>
    /// before the host starts.
    /// </summary>
    public static IServiceCollection AddConciergeStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.FromConfiguration(configuration);
        var cleanup = new SessionCleanupOptions { Interval = ReadInterval(configuration) };

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(cleanup);
        services.AddSingleton<Database>(_ => settings.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteDatabase(settings),
            _ => new PostgresDatabase(settings),
        });
        services.AddSingleton<EffectWriters>();
        services.AddSingleton<SqlTemplateStore>();
        services.AddSingleton<ITemplateStore>(sp => sp.GetRequiredService<SqlTemplateStore>());
        services.AddSingleton<IEffectWriter, TemplateFinalizedWriter>();
        services.AddSingleton(ReadFollowUps(configuration));
        services.AddSingleton<SqlBookingStore>();
        services.AddSingleton<Concierge.Storage.Channels.SqlChannelStore>();
        services.AddSingleton<IEffectWriter, Concierge.Storage.Channels.InboundAnsweredWriter>();
        services.AddSingleton<IJobHandler, FollowUpSendHandler>();
        services.AddSingleton<IBookingStore>(sp => sp.GetRequiredService<SqlBookingStore>());
        services.AddSingleton<IBookingDesks, SqlBookingDesks>();
        services.AddSingleton<IEffectWriter, CreateBookingWriter>();
        services.AddSingleton<IEffectWriter, CancelBookingWriter>();
        services.AddSingleton<IEffectWriter, RescheduleBookingWriter>();
        services.AddSingleton<SqlSessionStore>();
        services.AddSingleton<ISessionStore>(sp => sp.GetRequiredService<SqlSessionStore>());
        services.AddSingleton<SqlTurnFacts>();
        services.AddSingleton<Analytics.SqlDailyAnalytics>();
        services.AddSingleton<SqlAgentCatalog>();
        services.AddSingleton(sp => new CachedAgentCatalog(
            sp.GetRequiredService<SqlAgentCatalog>(), sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(30)));
        services.AddSingleton<IAgentCatalog>(sp => sp.GetRequiredService<CachedAgentCatalog>());
        services.AddSingleton<IAgentEditor, SqlAgentEditor>();
        services.AddSingleton<DatabaseProbe>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<TenantSeeder>();
        services.AddSingleton<SqlAccountStore>();
        services.AddSingleton<IAccountStore>(sp => sp.GetRequiredService<SqlAccountStore>());
        services.AddSingleton<SqlKnowledgeStore>();
        services.AddSingleton<IKnowledgeStore>(sp => sp.GetRequiredService<SqlKnowledgeStore>());
        services.AddSingleton<SqlJobStore>();
        services.AddSingleton<IJobStore>(sp => sp.GetRequiredService<SqlJobStore>());
        services.AddSingleton<JobQueueStats>();
        services.AddSingleton<IJobHandler, ExpiredSessionSweep>();
        services.AddSingleton<IJobHandler, FinishedJobsPurge>();
        services.AddSingleton<SqlEmotionStore>();
        services.AddSingleton<IEmotionStore>(sp => sp.GetRequiredService<SqlEmotionStore>());
        services.AddSingleton<IJobHandler, EmotionDetectHandler>();
        services.AddSingleton<Shops.SqlShopStore>();
        services.AddSingleton<Concierge.Shops.IShopStore>(sp => sp.GetRequiredService<Shops.SqlShopStore>());
        services.AddSingleton<Concierge.Geocoding.IGeocodeCache, Shops.SqlGeocodeCache>();
        services.AddSingleton<Shops.SqlRouterAnalytics>();
        services.AddSingleton<Concierge.Shops.IRouterAnalytics>(sp => sp.GetRequiredService<Shops.SqlRouterAnalytics>());
        services.AddSingleton(new RecurringJob(JobKinds.SessionsSweep, cleanup.Interval));
        services.AddSingleton(new RecurringJob(JobKinds.JobsPurge, TimeSpan.FromHours(1)));
        services.AddSingleton<SqlTurnStreamStore>();
        services.AddSingleton<ITurnStreamStore>(sp => sp.GetRequiredService<SqlTurnStreamStore>());
        services.AddSingleton<IJobHandler, ExpiredStreamSweep>();
        services.AddSingleton(new RecurringJob(JobKinds.StreamsSweep, ExpiredStreamSweep.Interval));
        services.AddOperationsStorage(configuration);
        return services;
    }

    /// <summary>Applies pending migrations and seeds the demo tenant and agent. The host calls it before it serves.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageServiceCollectionExtensions).FullName!);
        logger.LogInformation("Database: {Database}", settings.Description);
        await services.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken);
        await services.GetRequiredService<TenantSeeder>().SeedDemoAsync(cancellationToken);
    }

    private static FollowUpOptions ReadFollowUps(IConfiguration configuration)
    {
        var defaults = new FollowUpOptions();
        var (thankYou, name) = Settings.Find(configuration, FollowUpOptions.ThankYouKey);
        var options = new FollowUpOptions
        {
            ReminderLead = Settings.Duration(configuration, FollowUpOptions.ReminderLeadKey, defaults.ReminderLead),
            ThankYouDelay = Settings.Duration(configuration, FollowUpOptions.ThankYouDelayKey, defaults.ThankYouDelay),
            ThankYou = string.IsNullOrWhiteSpace(thankYou) ? defaults.ThankYou
                : bool.TryParse(thankYou.Trim(), out var on) ? on
                : throw new InvalidSettingException(name, $"must be true or false, got '{DatabaseSettings.Shorten(thankYou)}'"),
        };
        return options.ReminderLead >= TimeSpan.Zero && options.ReminderLead <= TimeSpan.FromDays(30)
            ? options
            : throw new InvalidSettingException(Settings.NameOf(configuration, FollowUpOptions.ReminderLeadKey), "must be a duration between 0 and 30d");
    }

    private static TimeSpan ReadInterval(IConfiguration configuration)
    {
        var raw = configuration[SessionCleanupOptions.IntervalKey];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new SessionCleanupOptions().Interval;
        }

        // The one duration syntax of every setting: 600, 10m, 00:10:00...
        return Settings.TryParseDuration(raw.Trim(), out var interval) && interval >= TimeSpan.FromSeconds(1) && interval <= TimeSpan.FromDays(1)
            ? interval
            : throw new InvalidSettingException(
                SessionCleanupOptions.IntervalKey, $"'{DatabaseSettings.Shorten(raw)}' is not a duration between 1s and 1d (e.g. 10m or 00:10:00)");
    }
}
