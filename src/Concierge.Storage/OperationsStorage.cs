using Concierge.Costs;
using Concierge.Jobs;
using Concierge.Lifecycle;
using Concierge.Storage.Costs;
using Concierge.Storage.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Storage;

/// <summary>
/// The operations features' storage (issue 16): the usage report and the daily budget, the
/// retention jobs with their schedules, GDPR export and erasure. Settings are read and checked now.
/// </summary>
public static class OperationsStorage
{
    public static IServiceCollection AddOperationsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(BudgetOptions.Bind(configuration));
        services.AddSingleton<SqlModelBudget>();
        services.AddSingleton<IModelBudget>(sp => sp.GetRequiredService<SqlModelBudget>());
        services.AddSingleton<SqlUsageReport>();
        services.AddSingleton<IUsageReport>(sp => sp.GetRequiredService<SqlUsageReport>());

        // Retention: a recurring job per period that is on (RETENTION_DAYS is off by default).
        var retention = RetentionOptions.Bind(configuration);
        services.AddSingleton(retention);
        foreach (var table in RetainedTable.Core)
        {
            services.AddSingleton(table);
        }

        services.AddSingleton<SqlCustomerData>();
        services.AddSingleton<ICustomerData>(sp => sp.GetRequiredService<SqlCustomerData>());
        services.AddSingleton<IJobHandler, MessageRetentionSweep>();
        services.AddSingleton<IJobHandler, AnalyticsRetentionSweep>();
        if (retention.Days is not null)
        {
            services.AddSingleton(new RecurringJob(RetentionOptions.MessagesKind, retention.Interval));
        }

        if (retention.AnalyticsDays is not null)
        {
            services.AddSingleton(new RecurringJob(RetentionOptions.AnalyticsKind, retention.Interval));
        }

        return services;
    }
}
