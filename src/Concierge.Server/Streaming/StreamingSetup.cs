namespace Concierge.Server.Streaming;

/// <summary>Registers streamed turns: the settings, and the hub that runs them and keeps their events.</summary>
public static class StreamingSetup
{
    /// <summary>Reads and checks <c>Concierge:Streaming:*</c> now: a bad value throws before the host starts.</summary>
    public static IServiceCollection AddStreaming(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(StreamingOptions.Bind(configuration));
        services.AddSingleton<TurnStreamHub>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnStreamHub>());
        return services;
    }
}
