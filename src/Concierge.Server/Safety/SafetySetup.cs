namespace Concierge.Server.Safety;

/// <summary>Registers the alert webhook job and the crisis exemption the limits consult.</summary>
public static class SafetySetup
{
    public static IServiceCollection AddSafety(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(AlertSettings.Bind(configuration));
        services.AddHttpClient(AlertSendJob.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<Concierge.Jobs.IJobHandler, AlertSendJob>();
        services.AddSingleton<CrisisExemption>();
        return services;
    }
}
