using Concierge.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Concierge.Server.Jobs;

/// <summary>Registers the job worker and the recurring-job scheduler (the job store and the housekeeping handlers come with storage).</summary>
public static class JobsSetup
{
    /// <summary>Reads and checks <c>Concierge:Jobs:*</c> now: a bad value throws <see cref="InvalidSettingException"/> before the host starts.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(JobWorkerOptions.Bind(configuration));
        services.TryAddSingleton(JobRetryPolicy.Default);
        services.AddSingleton<JobWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<JobWorker>());
        services.AddSingleton<RecurringJobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<RecurringJobScheduler>());
        return services;
    }

    /// <summary>Adds the handler of one job kind; the worker of every process runs that kind's jobs with it.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services)
        where THandler : class, IJobHandler =>
        services.AddSingleton<IJobHandler, THandler>();
}
