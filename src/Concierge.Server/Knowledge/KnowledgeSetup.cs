using Concierge.Knowledge.Intake;
using Concierge.Knowledge.Library;
using Concierge.Server.Jobs;

namespace Concierge.Server.Knowledge;

/// <summary>Registers the knowledge settings, the indexer, the search (its cached per-tenant index) and the indexing job.</summary>
public static class KnowledgeSetup
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = KnowledgeSettings.Bind(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(new IntakeLimits { MaxBytes = settings.MaxBytes });
        services.AddSingleton<KnowledgeIndexer>();
        services.AddSingleton<KnowledgeSearch>();
        services.AddJobHandler<KnowledgeIndexJob>();
        return services;
    }
}
