using Concierge.Knowledge.Intake;
using Concierge.Models;
using Concierge.Knowledge.Library;
using Concierge.Server.Jobs;

namespace Concierge.Server.Knowledge;

/// <summary>Registers the knowledge settings, the indexer, the search (its cached per-tenant index), the indexing job and, when configured, the embedder and its job.</summary>
public static class KnowledgeSetup
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration, LanguageModelOptions model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var settings = KnowledgeSettings.Bind(configuration);

        // Hybrid search needs both an embeddings model and a provider key; without either it is lexical.
        if (settings.EmbeddingsModel is { } embeddings && model.IsConfigured)
        {
            services.AddSingleton<IEmbedder>(new OpenAiEmbedder(embeddings, model));
            services.AddJobHandler<KnowledgeEmbedJob>();
        }

        services.AddSingleton(settings);
        services.AddSingleton(new IntakeLimits { MaxBytes = settings.MaxBytes });
        services.AddSingleton<KnowledgeIndexer>();
        services.AddSingleton<KnowledgeSearch>();
        services.AddJobHandler<KnowledgeIndexJob>();
        return services;
    }
}
