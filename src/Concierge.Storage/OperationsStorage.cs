using Concierge.Costs;
using Concierge.Storage.Costs;
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
        return services;
    }
}
